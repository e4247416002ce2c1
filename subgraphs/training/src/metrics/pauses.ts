/** Device pause intervals: normalised (sorted, merged) and measured against the workout's clock. */
import type { PauseInterval } from './track';

/** Sorted, non-overlapping copy of the valid pauses (`from < to`); the input is not modified. */
export function mergePauses(pauses: readonly PauseInterval[]): PauseInterval[] {
  const valid = pauses
    .filter((pause) => Number.isFinite(pause.from) && Number.isFinite(pause.to) && pause.from < pause.to)
    .map((pause) => ({ from: pause.from, to: pause.to }))
    .sort((a, b) => a.from - b.from);
  const merged: PauseInterval[] = [];
  for (const pause of valid) {
    const last = merged[merged.length - 1];
    if (last && pause.from <= last.to) last.to = Math.max(last.to, pause.to);
    else merged.push(pause);
  }
  return merged;
}

/** Milliseconds of [fromMs, toMs] covered by the merged pauses. */
export function pausedMsBetween(merged: readonly PauseInterval[], fromMs: number, toMs: number): number {
  let paused = 0;
  for (const pause of merged) {
    if (pause.from >= toMs) break;
    const overlap = Math.min(pause.to, toMs) - Math.max(pause.from, fromMs);
    if (overlap > 0) paused += overlap;
  }
  return paused;
}
