/** Progress towards achievements and challenges in words and percent, distances in the athlete's units. */
import type { ChallengeGoal } from '../../__generated__/enums';
import { formatDistance, formatElevation, type Units } from '../../format/units';

export interface ProgressFigures {
  current: number;
  target: number;
  unit: string;
  label: string;
}

/** 0 to 100, whole: how much of the target is done. */
export function percentOf(current: number, target: number): number {
  if (!(target > 0)) return 100;
  return Math.min(100, Math.max(0, Math.floor((current / target) * 100)));
}

/** An achievement's progress: its own label, but kilometres and metres shown in the athlete's units. */
export function achievementProgress({ current, target, unit, label }: ProgressFigures, units: Units): string {
  if (unit === 'km')
    return `${formatDistance(current * 1_000, units)} of ${formatDistance(target * 1_000, units)}`;
  if (unit === 'm') return `${formatElevation(current, units)} of ${formatElevation(target, units)}`;
  return label;
}

/** An amount of a challenge's goal: metres of distance or climb, a count of workouts or of days. */
export function challengeAmount(goal: ChallengeGoal, amount: number, units: Units): string {
  switch (goal) {
    case 'DISTANCE':
      return formatDistance(amount, units);
    case 'ELEVATION':
      return formatElevation(amount, units);
    case 'COUNT':
      return `${amount} ${amount === 1 ? 'workout' : 'workouts'}`;
    case 'STREAK_DAYS':
      return `${amount} ${amount === 1 ? 'day' : 'days'} in a row`;
  }
}

export type ChallengeWindow = 'UPCOMING' | 'RUNNING' | 'ENDED';

export function challengeWindow(startsAt: string, endsAt: string, now = new Date()): ChallengeWindow {
  if (now.getTime() < Date.parse(startsAt)) return 'UPCOMING';
  return now.getTime() < Date.parse(endsAt) ? 'RUNNING' : 'ENDED';
}
