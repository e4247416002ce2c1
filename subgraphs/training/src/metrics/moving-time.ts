/**
 * Moving time. With a motion source: the sum of the steps between consecutive motion samples of the same
 * segment, no longer than the max gap, whose implied speed reaches the sport's threshold. Without one, or
 * for sports whose threshold is 0 (strength, yoga): elapsed time minus device pauses.
 * Also returns the moving seconds accumulated up to each sample (for splits).
 */
import type { MotionSource } from './motion-source';
import { pausedMsBetween } from './pauses';
import type { PauseInterval } from './track';
import type { ValidatedTrack } from './validate-track';
import type { WorkoutClock } from './workout-clock';

// Globals captured once: inside Jest's sandbox every global lookup in a hot loop is slow.
const { max: larger } = Math;
const isMissing = Number.isNaN;

export interface MovingTime {
  totalSeconds: number;
  /** Moving seconds up to each sample (carried over samples without a time). */
  cumulative: Float64Array;
}

function movingFromMotion(
  track: ValidatedTrack,
  source: MotionSource,
  thresholdMps: number,
  maxGapMs: number,
): MovingTime {
  const { time, segment } = track;
  const { indices, cumulativeMeters } = source;
  const perSample = new Float64Array(track.length);
  for (let k = 1; k < indices.length; k++) {
    const from = indices[k - 1]!;
    const to = indices[k]!;
    if (segment[from] !== segment[to]) continue;
    const gapMs = time[to]! - time[from]!;
    if (gapMs > maxGapMs) continue;
    const seconds = gapMs / 1000;
    const speed = (cumulativeMeters[to]! - cumulativeMeters[from]!) / seconds;
    if (speed >= thresholdMps) perSample[to] = seconds;
  }
  let total = 0;
  for (let index = 0; index < track.length; index++) {
    total += perSample[index]!;
    perSample[index] = total;
  }
  return { totalSeconds: total, cumulative: perSample };
}

/** Wall-clock time since the start minus the pauses, at each sample; the total runs to the clock's end. */
function activeTime(track: ValidatedTrack, clock: WorkoutClock): MovingTime {
  const cumulative = new Float64Array(track.length);
  const pauses: readonly PauseInterval[] = track.pauses;
  let pauseIndex = 0;
  let closedPausesMs = 0;
  const pausedUntil = (ms: number) => {
    while (pauseIndex < pauses.length && pauses[pauseIndex]!.to <= ms) {
      const pause = pauses[pauseIndex]!;
      closedPausesMs += Math.max(0, pause.to - Math.max(pause.from, clock.startMs));
      pauseIndex += 1;
    }
    const open = pauses[pauseIndex];
    return closedPausesMs + (open ? Math.max(0, ms - Math.max(open.from, clock.startMs)) : 0);
  };
  let active = 0;
  for (let index = 0; index < track.length; index++) {
    const time = track.time[index]!;
    if (!isMissing(time) && time >= clock.startMs) {
      active = larger(active, (time - clock.startMs - pausedUntil(time)) / 1000);
    }
    cumulative[index] = active;
  }
  const pausedMs = pausedMsBetween(pauses, clock.startMs, clock.endMs);
  const totalSeconds = Math.max(0, (clock.endMs - clock.startMs - pausedMs) / 1000);
  return { totalSeconds, cumulative };
}

export function computeMovingTime(
  track: ValidatedTrack,
  clock: WorkoutClock,
  source: MotionSource | null,
  thresholdMps: number,
  maxGapMs: number,
): MovingTime {
  if (source === null || thresholdMps <= 0) return activeTime(track, clock);
  return movingFromMotion(track, source, thresholdMps, maxGapMs);
}
