/** The domain types the gamification resolvers return for each GraphQL type (used by codegen's mappers). */
export type { AchievementView as Achievement } from './athletes/athlete.service';
export type { Level } from './athletes/levels';
export type { Streaks } from './athletes/streaks';
export type { ChallengeRecord as Challenge } from './challenges/challenge.repo';
export type { MemberProgress as ChallengeProgress } from './challenges/challenge.service';
export type { LeaderboardEntry } from './leaderboards/leaderboard-store';
export type { LeaderboardMove, LeaderboardUpdate } from './leaderboards/leaderboard-updates';

/** A user reference: gamification knows only the id; identity resolves the rest. */
export interface User {
  id: string;
}

/** A workout reference, resolved by training. */
export interface Workout {
  id: string;
}
