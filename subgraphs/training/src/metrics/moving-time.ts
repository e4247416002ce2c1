/**
 * Moving time. With a motion source: the sum of the steps between consecutive motion samples of the same
 * segment, no longer than the max gap, whose speed along the path without stops (the median of the steps
 * around it) reaches the sport's threshold; within a stop, only the legs to and from its centre
 * (stops.ts). Without a motion source, or for sports whose threshold is 0 (strength, yoga): elapsed time
 * minus device pauses. Also returns the moving seconds accumulated up to each sample (for splits).
 */
import type { MetricsConfig } from './metrics-config';
import type { MotionSource } from './motion-source';
import { pausedMsBetween } from './pauses';
import { movingSecondsInStop } from './stop-path';
import type { Stop } from './stops';
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

/** The steps between consecutive motion samples outside stops, in columns (no object per step). */
interface Steps {
  count: number;
  /** The later sample of each step (the step's time is credited to it). */
  to: Int32Array;
  midMs: Float64Array;
  seconds: Float64Array;
  /** 1 where the step's own speed (along the path without stops) reaches the threshold. */
  fast: Uint8Array;
  /** Index of the first step of each step's stretch (consecutive continuous steps). */
  stretchStart: Int32Array;
}

/**
 * Credits each step whose neighbourhood moves: most of the steps of its stretch whose middles lie within
 * ±half the window of its own (at most `maxStepsEachSide` each side) reach the threshold, a tie going to
 * the step itself — the median speed of the window reaching it. So a step that cuts a switchback short
 * does not stop the athlete, and a change of pace still takes effect at its step (a median keeps edges).
 * A sparse track's steps are judged alone.
 */
function creditSteps(steps: Steps, perSample: Float64Array, settings: MetricsConfig['moving']) {
  const { count, midMs, fast, stretchStart } = steps;
  const halfMs = (settings.windowSeconds * 1000) / 2;
  let lo = 0;
  let hi = -1;
  let fastInWindow = 0;
  for (let j = 0; j < count; j++) {
    const start = stretchStart[j]!;
    if (lo < start) {
      [lo, hi, fastInWindow] = [start, start - 1, 0];
    }
    while (lo < j && (j - lo > settings.maxStepsEachSide || midMs[j]! - midMs[lo]! > halfMs)) {
      fastInWindow -= fast[lo++]!;
    }
    while (
      hi + 1 < count &&
      stretchStart[hi + 1] === start &&
      (hi < j || (hi + 1 - j <= settings.maxStepsEachSide && midMs[hi + 1]! - midMs[j]! <= halfMs))
    ) {
      fastInWindow += fast[++hi]!;
    }
    const size = hi - lo + 1;
    const moving = 2 * fastInWindow > size || (2 * fastInWindow === size && fast[j] === 1);
    if (moving) perSample[steps.to[j]!] = steps.seconds[j]!;
  }
}

function movingFromMotion(
  track: ValidatedTrack,
  source: MotionSource,
  stops: readonly Stop[],
  thresholdMps: number,
  maxGapMs: number,
  settings: MetricsConfig['moving'],
): MovingTime {
  const { time, segment } = track;
  const { indices, cumulativeMeters } = source;
  const perSample = new Float64Array(track.length);
  const size = Math.max(0, indices.length - 1);
  const steps: Steps = {
    count: 0,
    to: new Int32Array(size),
    midMs: new Float64Array(size),
    seconds: new Float64Array(size),
    fast: new Uint8Array(size),
    stretchStart: new Int32Array(size),
  };
  let stretchStart = 0;
  let nextStop = 0;
  for (let k = 1; k < indices.length; k++) {
    const from = indices[k - 1]!;
    const to = indices[k]!;
    const gapMs = time[to]! - time[from]!;
    if (segment[from] !== segment[to] || gapMs > maxGapMs) {
      stretchStart = steps.count;
      continue;
    }
    while (nextStop < stops.length && stops[nextStop]!.exit <= from) nextStop += 1;
    const stop = stops[nextStop];
    if (stop && stop.entry <= from && to <= stop.exit) {
      stretchStart = steps.count;
      perSample[to] = movingSecondsInStop(stop, track, time[from]!, time[to]!, thresholdMps);
      continue;
    }
    const seconds = gapMs / 1000;
    const j = steps.count++;
    steps.to[j] = to;
    steps.midMs[j] = (time[from]! + time[to]!) / 2;
    steps.seconds[j] = seconds;
    steps.fast[j] = (cumulativeMeters[to]! - cumulativeMeters[from]!) / seconds >= thresholdMps ? 1 : 0;
    steps.stretchStart[j] = stretchStart;
  }
  creditSteps(steps, perSample, settings);
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

/** `stops` (from the positions, in order) apply to a POSITIONS source only. */
export function computeMovingTime(
  track: ValidatedTrack,
  clock: WorkoutClock,
  source: MotionSource | null,
  stops: readonly Stop[],
  thresholdMps: number,
  config: MetricsConfig,
): MovingTime {
  if (source === null || thresholdMps <= 0) return activeTime(track, clock);
  const maxGapMs = config.time.maxContinuousGapSeconds * 1000;
  const within = source.kind === 'POSITIONS' ? stops : [];
  return movingFromMotion(track, source, within, thresholdMps, maxGapMs, config.moving);
}
