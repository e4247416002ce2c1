/**
 * Normalized power: power resampled at 1 Hz over continuous steps (each step holds its later sample's
 * value), a rolling average over `windowSeconds`, the mean of its 4th powers, and the 4th root.
 * null with less than one full window of power.
 */
import { forEachContinuousStep } from './continuous-steps';
import type { ValidatedTrack } from './validate-track';

// Globals captured once: inside Jest's sandbox every global lookup in a hot loop is slow.
const { ceil } = Math;

/** One value per second of continuous power time (pauses and long gaps are left out, not zero-filled). */
export function resamplePowerAt1Hz(track: ValidatedTrack, maxGapMs: number): number[] {
  const perSecond: number[] = [];
  let elapsed = 0;
  forEachContinuousStep(track, track.power, maxGapMs, (_index, watts, seconds) => {
    const end = elapsed + seconds;
    for (let second = ceil(elapsed); second < end; second++) perSecond.push(watts);
    elapsed = end;
  });
  return perSecond;
}

export function normalizedPower(perSecond: readonly number[], windowSeconds: number): number | null {
  if (perSecond.length < windowSeconds || windowSeconds < 1) return null;
  let windowSum = 0;
  for (let k = 0; k < windowSeconds; k++) windowSum += perSecond[k]!;
  let fourthPowerSum = 0;
  let windows = 0;
  for (let k = windowSeconds; ; k++) {
    const rolling = windowSum / windowSeconds;
    fourthPowerSum += rolling * rolling * rolling * rolling;
    windows += 1;
    if (k >= perSecond.length) break;
    windowSum += perSecond[k]! - perSecond[k - windowSeconds]!;
  }
  return Math.pow(fourthPowerSum / windows, 0.25);
}
