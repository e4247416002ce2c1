/**
 * Turns a workout's stored track into its figures: runs the metrics engine and decides which columns the
 * results replace. Figures the athlete typed in (`editedFields`) win over computed ones; a track without
 * positions (treadmill) keeps the distance given at the finish.
 */
import { computeMetrics } from '../metrics/compute-metrics';
import type { AthleteProfile, Track } from '../metrics/track';
import type { WorkoutMetrics } from '../metrics/workout-metrics';
import type { StoredSample } from '../telemetry/samples.repo';
import type { BestEffortRow, WorkoutChanges, WorkoutRecord } from './workout.repo';

/** The engine's view of a workout and its samples. */
export function trackOf(workout: WorkoutRecord, samples: StoredSample[]): Track {
  const starts = new Set(workout.segmentStarts);
  const open = workout.status !== 'FINISHED';
  return {
    samples,
    pauses: workout.pauses,
    segmentStarts: samples.flatMap((s, index) => (index > 0 && starts.has(s.sequence) ? [index] : [])),
    barometricAltitude: workout.barometricAltitude,
    deviceCalories: workout.deviceCalories,
    // Imported workouts take their bounds from the file's samples; a recording from its lifecycle.
    startedAt: workout.source === 'RECORDED' ? workout.startedAt.getTime() : null,
    finishedAt: workout.source === 'RECORDED' && !open ? (workout.finishedAt?.getTime() ?? null) : null,
  };
}

export const metricsOf = (workout: WorkoutRecord, samples: StoredSample[], athlete: AthleteProfile) =>
  computeMetrics(workout.sport, trackOf(workout, samples), athlete);

const edited = (workout: WorkoutRecord, field: string) => workout.editedFields.includes(field);

/** Best efforts as records: offsets count from the workout's start (an import starts at its first sample). */
export const bestEffortRows = (workout: WorkoutRecord, metrics: WorkoutMetrics): BestEffortRow[] =>
  metrics.bestEfforts.map((effort) => ({
    name: effort.name,
    distanceMeters: effort.distanceMeters,
    seconds: effort.seconds,
    achievedAt: new Date(workout.startedAt.getTime() + effort.startOffsetSeconds * 1000),
  }));

/** The columns a computation replaces on `workout` (which may already carry pending changes). */
export function figuresFrom(workout: WorkoutRecord, metrics: WorkoutMetrics): WorkoutChanges {
  const recorded = workout.source === 'RECORDED';
  return {
    metrics,
    metricsVersion: metrics.version,
    ...(!edited(workout, 'distanceMeters') &&
      (metrics.distanceMeters > 0 || workout.distanceMeters === null) && {
        distanceMeters: metrics.distanceMeters,
      }),
    ...(metrics.movingSeconds !== null && { movingSeconds: Math.round(metrics.movingSeconds) }),
    ...(!recorded &&
      metrics.elapsedSeconds !== null && { elapsedSeconds: Math.round(metrics.elapsedSeconds) }),
    ...(!edited(workout, 'elevationGainMeters') &&
      metrics.elevationGainMeters !== null && { elevationGainMeters: metrics.elevationGainMeters }),
    ...(metrics.calories !== null && { calories: Math.round(metrics.calories) }),
    bestEfforts: bestEffortRows(workout, metrics),
  };
}

/** True when a recomputation changed what other contexts see (so an updated event is due). */
export const figuresChanged = (before: WorkoutRecord, after: WorkoutRecord) =>
  before.distanceMeters !== after.distanceMeters ||
  before.movingSeconds !== after.movingSeconds ||
  before.elevationGainMeters !== after.elevationGainMeters ||
  before.sport !== after.sport;
