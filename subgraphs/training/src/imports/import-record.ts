/** The workout record an imported activity becomes, before its figures are computed. */
import type { ImportedActivity } from '../files/activity';
import type { ImportJobRecord } from './import-job.repo';
import type { WorkoutRecord } from '../workouts/workout.repo';

const seconds = (from: number, to: number) => Math.max(0, Math.round((to - from) / 1000));

export function aNewRecord(
  job: ImportJobRecord,
  activity: ImportedActivity,
  gearIds: string[],
  now: Date,
): WorkoutRecord {
  // A file without any time (some GPX) is dated by its upload; it gets no time-based figures.
  const startedAt = activity.startedAt ?? job.createdAt.getTime();
  const finishedAt = activity.finishedAt ?? activity.startedAt ?? now.getTime();
  const timed = activity.startedAt !== null;
  return {
    id: job.workoutId,
    userId: job.userId,
    // The job's sport: the athlete's choice at upload wins over the file's.
    sport: job.sport,
    sportSource: job.sportSource,
    status: 'FINISHED',
    source: 'IMPORTED',
    title: activity.title?.slice(0, 120) ?? null,
    notes: null,
    visibility: 'FOLLOWERS',
    startedAt: new Date(startedAt),
    finishedAt: new Date(finishedAt),
    pausedAt: null,
    pausedSeconds: activity.pauses.reduce((sum, p) => sum + seconds(p.from, p.to), 0),
    elapsedSeconds: timed ? seconds(startedAt, finishedAt) : null,
    movingSeconds: null,
    distanceMeters: activity.deviceDistanceMeters,
    elevationGainMeters: null,
    calories: activity.calories === null ? null : Math.round(activity.calories),
    gearIds,
    sampleCount: activity.samples.length,
    pauses: activity.pauses,
    segmentStarts: activity.segmentStarts,
    device: activity.device,
    deviceCalories: activity.calories,
    barometricAltitude: activity.barometricAltitude,
    metrics: null,
    metricsVersion: null,
    editedFields: [],
  };
}
