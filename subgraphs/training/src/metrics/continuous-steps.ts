/**
 * Time-weighting of a sampled channel: a step runs from one sample with a valid value (and time) to the
 * next, in the same segment (so never across a device pause) and no longer than the max gap. The step's
 * duration is credited to the LATER sample's value (devices report the value over the preceding interval).
 */
import type { ValidatedTrack } from './validate-track';

// Globals captured once: inside Jest's sandbox every global lookup in a hot loop is slow.
const isMissing = Number.isNaN;

export type StepVisitor = (index: number, value: number, seconds: number) => void;

export function forEachContinuousStep(
  track: ValidatedTrack,
  values: Float64Array,
  maxGapMs: number,
  visit: StepVisitor,
): void {
  const { time, segment } = track;
  let previous = -1;
  for (let index = 0; index < track.length; index++) {
    const value = values[index]!;
    const sampleTime = time[index]!;
    if (isMissing(value) || isMissing(sampleTime)) continue;
    if (previous >= 0 && segment[previous] === segment[index]) {
      const gapMs = sampleTime - time[previous]!;
      if (gapMs <= maxGapMs) visit(index, value, gapMs / 1000);
    }
    previous = index;
  }
}
