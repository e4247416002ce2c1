/** The workout's start and end on the clock: recording bounds when both are given, else the timed samples. */
import type { Track } from './track';
import { isTimestamp, type ValidatedTrack } from './validate-track';

// Globals captured once: inside Jest's sandbox every global lookup in a hot loop is slow.
const isMissing = Number.isNaN;

export interface WorkoutClock {
  startMs: number;
  endMs: number;
  elapsedSeconds: number;
}

export function workoutClock(track: Track, validated: ValidatedTrack): WorkoutClock | null {
  const { startedAt, finishedAt } = track;
  if (isTimestamp(startedAt) && isTimestamp(finishedAt) && finishedAt >= startedAt) {
    return { startMs: startedAt, endMs: finishedAt, elapsedSeconds: (finishedAt - startedAt) / 1000 };
  }
  let first = NaN;
  let last = NaN;
  for (let index = 0; index < validated.length; index++) {
    const time = validated.time[index]!;
    if (isMissing(time)) continue;
    if (isMissing(first)) first = time;
    last = time;
  }
  if (isMissing(first)) return null;
  return { startMs: first, endMs: last, elapsedSeconds: (last - first) / 1000 };
}
