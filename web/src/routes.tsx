/** Every screen of the app and its path; all but signing up and in need a session. */
import type { ComponentType } from 'react';
import { AchievementsScreen } from './screens/achievements/achievements-screen';
import { DashboardScreen } from './screens/dashboard/dashboard-screen';
import { FeedScreen } from './screens/feed/feed-screen';
import { GearScreen } from './screens/gear/gear-screen';
import { ImportScreen } from './screens/import/import-screen';
import { InboxScreen } from './screens/inbox/inbox-screen';
import { InsightsScreen } from './screens/insights/insights-screen';
import { LeaderboardsScreen } from './screens/leaderboards/leaderboards-screen';
import { ProfileScreen } from './screens/profile/profile-screen';
import { RecordScreen } from './screens/record/record-screen';
import { WorkoutScreen } from './screens/workouts/workout-screen';
import { WorkoutsScreen } from './screens/workouts/workouts-screen';

export interface AppRoute {
  path: string;
  screen: ComponentType;
  /** Its name in the navigation bar; routes without one are reached by links. */
  nav?: string;
}

export const APP_ROUTES: AppRoute[] = [
  { path: '/', screen: DashboardScreen, nav: 'Dashboard' },
  { path: '/record', screen: RecordScreen, nav: 'Record' },
  { path: '/workouts', screen: WorkoutsScreen, nav: 'Workouts' },
  { path: '/workouts/:id', screen: WorkoutScreen },
  { path: '/import', screen: ImportScreen, nav: 'Import' },
  { path: '/feed', screen: FeedScreen, nav: 'Feed' },
  { path: '/leaderboards', screen: LeaderboardsScreen, nav: 'Leaderboards' },
  { path: '/insights', screen: InsightsScreen, nav: 'Insights' },
  { path: '/achievements', screen: AchievementsScreen, nav: 'Achievements' },
  { path: '/gear', screen: GearScreen, nav: 'Gear' },
  { path: '/inbox', screen: InboxScreen, nav: 'Inbox' },
  { path: '/profile', screen: ProfileScreen, nav: 'Profile' },
];
