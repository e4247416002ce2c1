/** Counting of track problems while validating: how many samples, and the first one, per flag code. */
import type { TrackFlagCode } from './workout-metrics';

export interface FlagTally {
  count: number;
  firstIndex: number;
}

export type FlagTallies = Partial<Record<TrackFlagCode, FlagTally>>;

export function tallyFlag(tallies: FlagTallies, code: TrackFlagCode, index: number): void {
  const tally = tallies[code];
  if (tally) tally.count += 1;
  else tallies[code] = { count: 1, firstIndex: index };
}
