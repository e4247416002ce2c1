/**
 * Best efforts: the shortest time to cover each standard distance anywhere in the workout. Two pointers
 * over the timed accepted positions: once with the effort ending on a sample (start interpolated), once
 * starting on a sample (end interpolated). Distance is linear in time between samples, so the optimum lies
 * on one of these and the result is exact for the recorded track. Times are wall-clock.
 */
import type { MetricsConfig } from './metrics-config';
import { roundTo } from './rounding';
import type { BestEffort } from './workout-metrics';

// Globals captured once: inside Jest's sandbox every global lookup in a hot loop is slow.
const { max: larger } = Math;

export interface EffortInputs {
  indices: Int32Array;
  time: Float64Array;
  cumulativeMeters: Float64Array;
  workoutStartMs: number;
}

interface Effort {
  seconds: number;
  startMs: number;
}

/** Clock time at which the series reaches `meters`, between series positions k and k + 1. */
function timeAtMeters(inputs: EffortInputs, k: number, meters: number): number {
  const { indices, time, cumulativeMeters } = inputs;
  const from = indices[k]!;
  const fromMeters = cumulativeMeters[from]!;
  if (meters <= fromMeters || k + 1 >= indices.length) return time[from]!;
  const to = indices[k + 1]!;
  const fraction = (meters - fromMeters) / (cumulativeMeters[to]! - fromMeters);
  return time[from]! + fraction * (time[to]! - time[from]!);
}

function fastestOver(inputs: EffortInputs, targetMeters: number): Effort | null {
  const { indices, time, cumulativeMeters } = inputs;
  const metersAt = (k: number) => cumulativeMeters[indices[k]!]!;
  let best: Effort | null = null;
  const consider = (startMs: number, endMs: number) => {
    const seconds = (endMs - startMs) / 1000;
    if (best === null || seconds < best.seconds) best = { seconds, startMs };
  };
  // Ending on sample `end`: the start is the latest sample at most targetMeters before, interpolated.
  let start = 0;
  for (let end = 0; end < indices.length; end++) {
    const startMeters = metersAt(end) - targetMeters;
    if (startMeters < metersAt(0)) continue;
    while (start + 1 < end && metersAt(start + 1) <= startMeters) start += 1;
    consider(timeAtMeters(inputs, start, startMeters), time[indices[end]!]!);
  }
  // Starting on sample `begin`: the end is the first sample at least targetMeters after, interpolated.
  let end = 0;
  for (let begin = 0; begin < indices.length; begin++) {
    const endMeters = metersAt(begin) + targetMeters;
    while (end < indices.length && metersAt(end) < endMeters) end += 1;
    if (end >= indices.length) break;
    consider(time[indices[begin]!]!, timeAtMeters(inputs, larger(begin, end - 1), endMeters));
  }
  return best;
}

export function computeBestEfforts(inputs: EffortInputs, config: MetricsConfig): BestEffort[] {
  const efforts: BestEffort[] = [];
  for (const target of config.bestEfforts) {
    const effort = fastestOver(inputs, target.distanceMeters);
    if (!effort) continue;
    efforts.push({
      name: target.name,
      distanceMeters: target.distanceMeters,
      seconds: roundTo(effort.seconds, config.rounding.seconds),
      startOffsetSeconds: roundTo((effort.startMs - inputs.workoutStartMs) / 1000, config.rounding.seconds),
    });
  }
  return efforts;
}
