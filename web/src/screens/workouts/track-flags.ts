/**
 * Problems the metrics engine flags in a track (subgraphs/training/src/metrics/flags.ts), explained in plain
 * words: what happened first, then the engine's own sentence on what was left out of which figures.
 */

const WHAT_HAPPENED: Record<string, string> = {
  MISSING_TIME: 'Some points of the track have no time.',
  NON_MONOTONIC_TIME: 'Some points of the track are out of order in time.',
  COORDINATES_OUT_OF_RANGE: 'Some positions are impossible.',
  SPEED_JUMP: 'The track jumps from place to place, as GPS glitches or a ride in a vehicle do.',
  HEART_RATE_OUT_OF_RANGE: 'Some heart-rate readings cannot be right.',
  CADENCE_OUT_OF_RANGE: 'Some cadence readings cannot be right.',
  POWER_OUT_OF_RANGE: 'Some power readings cannot be right.',
  ALTITUDE_OUT_OF_RANGE: 'Some altitudes cannot be right.',
  SPEED_OUT_OF_RANGE: 'Some speeds the device measured cannot be right.',
};

export interface TrackFlagLike {
  code: string;
  count: number;
  message: string;
}

/** The flag in sentences: what happened, then what the engine did about it. */
export function flagSentence(flag: TrackFlagLike): string {
  const what =
    WHAT_HAPPENED[flag.code] ??
    `Pulse found a problem in ${flag.count === 1 ? '1 sample' : `${flag.count} samples`}.`;
  return `${what} ${flag.message}`;
}
