/**
 * Re-dates a GPX track for a live replay: every sample lies in the past when it is sent and the last one
 * is "now" when the replay ends. With D the track's duration, S the speed and W the wall time at the start:
 * the replay ends at E = W + D/S; sample i is dated E − D + (tᵢ − t₀) and sent at W + (tᵢ − t₀)/S.
 */
import type { GpxPoint } from './parse-gpx';

export const REPLAY_SPEEDS = [1, 10, 60] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

export interface ScheduledSample extends GpxPoint {
  /** The wall-clock time (ms) at which the replay hands this sample over. */
  emitAt: number;
}

export interface ReplaySchedule {
  /** When the workout started: the first sample's new time. */
  startedAt: number;
  /** When the replay ends (the last sample's time and emission). */
  endsAt: number;
  samples: ScheduledSample[];
}

export function replaySchedule(
  points: readonly GpxPoint[],
  speed: number,
  wallStart: number,
): ReplaySchedule {
  if (points.length === 0) throw new Error('A replay needs at least one point.');
  const t0 = points[0]!.time;
  // The latest point, not the last one: a file whose times step back never dates a sample in the future.
  const duration = Math.max(0, ...points.map((point) => point.time - t0));
  // Whole milliseconds, so that the workout lasts exactly the track's duration.
  const startedAt = Math.round(wallStart + duration / speed - duration);
  return {
    startedAt,
    endsAt: startedAt + duration,
    samples: points.map((point) => ({
      ...point,
      time: startedAt + (point.time - t0),
      emitAt: wallStart + (point.time - t0) / speed,
    })),
  };
}

/** The track's duration in seconds, first to last point. */
export function trackDurationSeconds(points: readonly GpxPoint[]): number {
  if (points.length < 2) return 0;
  return (points[points.length - 1]!.time - points[0]!.time) / 1000;
}
