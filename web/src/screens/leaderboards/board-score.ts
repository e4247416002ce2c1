/** A board's score in the athlete's units (boards keep metres, seconds and XP), and ranks as ordinals. */
import type { BoardMetric } from '../../__generated__/enums';
import { formatDistance, formatDuration, formatElevation, type Units } from '../../format/units';

export function formatScore(metric: BoardMetric, score: number, units: Units): string {
  switch (metric) {
    case 'DISTANCE':
      return formatDistance(score, units);
    case 'ELEVATION':
      return formatElevation(score, units);
    case 'MOVING_TIME':
      return formatDuration(score);
    case 'XP':
      return `${score.toLocaleString('en-US')} XP`;
  }
}

const SUFFIXES: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
const ordinalRules = new Intl.PluralRules('en-US', { type: 'ordinal' });

/** 1st, 2nd, 3rd, 11th, 22nd… */
export const ordinal = (rank: number) => `${rank}${SUFFIXES[ordinalRules.select(rank)] ?? 'th'}`;
