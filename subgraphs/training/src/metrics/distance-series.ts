/**
 * The series splits and best efforts walk along: the samples with both an accepted position and an accepted
 * time, with the cumulative distance and the quantities to interpolate at a crossing.
 */
import type { DistanceTrace } from './distance';
import type { ValidatedTrack } from './validate-track';

// Globals captured once: inside Jest's sandbox every global lookup in a hot loop is slow.
const isMissing = Number.isNaN;

/** Linear interpolation of `values` between two sample indices, `fraction` of the way. */
export const interpolate = (values: Float64Array, from: number, to: number, fraction: number): number =>
  values[from]! + fraction * (values[to]! - values[from]!);

export function timedPositionIndices(track: ValidatedTrack, distance: DistanceTrace): Int32Array {
  const indices = new Int32Array(track.length);
  let count = 0;
  for (let index = 0; index < track.length; index++) {
    if (distance.accepted[index] === 1 && !isMissing(track.time[index]!)) indices[count++] = index;
  }
  return indices.subarray(0, count);
}
