/**
 * Speeds: average = distance / moving time; max = the fastest distance / time over a window of at least
 * `maxSpeedWindowSeconds` within one segment, so single-fix GPS jitter cannot produce an absurd maximum.
 */
import type { MotionSource } from './motion-source';
import type { ValidatedTrack } from './validate-track';

/** A quotient, or null when its denominator was too small for it to be a number (1.1 m in 1e-309 s). */
const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

export const averageSpeedMps = (meters: number, movingSeconds: number | null): number | null =>
  movingSeconds !== null && movingSeconds > 0 && meters > 0 ? finiteOrNull(meters / movingSeconds) : null;

export const paceSecondsPerKm = (speedMps: number | null): number | null =>
  speedMps !== null && speedMps > 0 ? finiteOrNull(1000 / speedMps) : null;

/** null when no segment lasts as long as the window. */
export function maxWindowedSpeedMps(
  track: ValidatedTrack,
  source: MotionSource,
  windowSeconds: number,
): number | null {
  const { time, segment } = track;
  const { indices, cumulativeMeters } = source;
  const windowMs = windowSeconds * 1000;
  let max = -1;
  let start = 0;
  for (let k = 0; k < indices.length; k++) {
    const end = indices[k]!;
    if (segment[indices[start]!] !== segment[end]) start = k;
    // Latest start that still leaves at least the window between start and end.
    while (start + 1 < k && time[end]! - time[indices[start + 1]!]! >= windowMs) start += 1;
    const from = indices[start]!;
    const spanMs = time[end]! - time[from]!;
    if (spanMs >= windowMs && spanMs > 0) {
      const speed = ((cumulativeMeters[end]! - cumulativeMeters[from]!) * 1000) / spanMs;
      if (speed > max) max = speed;
    }
  }
  return max >= 0 ? max : null;
}
