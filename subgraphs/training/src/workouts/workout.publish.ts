/** The events of a workout's life, built from its stored state. */
import type { Viewer } from '../../../../lib/auth/viewer';
import { createEvent, type EventEnvelope } from '../../../../lib/events/envelope';
import type { WorkoutSummary } from '../../../../lib/events/contracts/training';
import type { WorkoutRecord } from './workout.repo';

export function workoutSummary(workout: WorkoutRecord): WorkoutSummary {
  return {
    workoutId: workout.id,
    userId: workout.userId,
    sport: workout.sport,
    status: workout.status,
    startedAt: workout.startedAt.toISOString(),
    finishedAt: workout.finishedAt?.toISOString() ?? null,
    elapsedSeconds: workout.elapsedSeconds,
    movingSeconds: workout.movingSeconds,
    distanceMeters: workout.distanceMeters,
    elevationGainMeters: workout.elevationGainMeters,
    gearIds: workout.gearIds,
    title: workout.title,
    trackFlags: workout.metrics?.flags.map((flag) => flag.code) ?? [],
    visibility: workout.visibility,
    trimp: workout.metrics?.trimp ?? null,
    bestEfforts:
      workout.metrics?.bestEfforts.map(({ name, distanceMeters, seconds }) => ({
        name,
        distanceMeters,
        seconds,
      })) ?? [],
  };
}

type LifecycleEvent = 'training.workout.started' | 'training.workout.completed' | 'training.workout.updated';

/** `actor` is null for changes Pulse makes itself (recomputed metrics, imports finishing). */
export const workoutEvent =
  (type: LifecycleEvent, actor: Viewer | null) =>
  (workout: WorkoutRecord): EventEnvelope[] => [
    createEvent(type, workout.id, workoutSummary(workout), { actorId: actor?.userId ?? null }),
  ];

export const workoutDeleted = (viewer: Viewer, workout: WorkoutRecord, now: Date): EventEnvelope[] => [
  createEvent(
    'training.workout.deleted',
    workout.id,
    { workoutId: workout.id, userId: workout.userId, deletedAt: now.toISOString() },
    { actorId: viewer.userId },
  ),
];
