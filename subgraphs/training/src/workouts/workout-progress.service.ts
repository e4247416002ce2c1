/**
 * Live progress of a workout being recorded: after each telemetry batch (and each pause, resume or finish)
 * the running figures go out on the pub/sub port to `workoutProgress` subscribers. Nothing here is stored:
 * a subscriber that connects late gets the next update, and the stored workout stays the source of truth.
 * Whoever may see the workout may subscribe (its athlete, or another athlete by the visibility policy); a
 * new subscriber gets the current figures at once. Another athlete's subscription is checked again at each
 * message, and ends when they may no longer see the workout (unfollowed, blocked, made private).
 */
import type { Viewer } from '../../../../lib/auth/viewer';
import type { Clock } from '../../../../lib/clock';
import type { Logger } from '../../../../lib/logging/logger';
import type { PubSub, PubSubSubscription } from '../../../../lib/pubsub/pubsub';
import type { WorkoutMetrics } from '../metrics/workout-metrics';
import type { SamplesRepo } from '../telemetry/samples.repo';
import type { TrainingProfileRepo } from '../profile/training-profile.repo';
import type { WorkoutReadsService } from '../visibility/workout-reads.service';
import { metricsOf } from './workout-figures';
import type { WorkoutRecord, WorkoutRepo, WorkoutStatus } from './workout.repo';

/** One update, as the subscription sends it (JSON-safe: times as ISO strings). */
export interface WorkoutProgressMessage {
  workoutId: string;
  userId: string;
  status: WorkoutStatus;
  /** When this update was computed. */
  at: string;
  sampleCount: number;
  elapsedSeconds: number | null;
  movingSeconds: number | null;
  distanceMeters: number;
  averageSpeedMps: number | null;
  maxSpeedMps: number | null;
  averagePaceSecondsPerKm: number | null;
  elevationGainMeters: number | null;
  /** The latest heart rate recorded, bpm. */
  heartRate: number | null;
  averageHeartRate: number | null;
  averagePower: number | null;
  /** Track problems so far (codes). */
  flags: string[];
}

export const progressChannel = (workoutId: string) => `training.workout-progress.${workoutId}`;

/**
 * The messages of a progress subscription up to and including the one that says FINISHED, then done.
 * A plain iterator rather than an async generator: `return()` (the client unsubscribing) must end the
 * subscription at once, even while a `next()` is waiting for a message.
 */
export function untilFinished(
  subscription: PubSubSubscription,
  stillVisible: () => Promise<boolean> = async () => true,
): AsyncIterableIterator<unknown> {
  let finished = false;
  const iterator: AsyncIterableIterator<unknown> = {
    async next() {
      if (finished) return { done: true, value: undefined };
      const result = await subscription.next();
      if (!result.done && !(await stillVisible())) {
        finished = true;
        void subscription.return();
        return { done: true, value: undefined };
      }
      if (!result.done && (result.value as WorkoutProgressMessage).status === 'FINISHED') {
        finished = true;
        void subscription.return();
      }
      return result;
    },
    return: async () => {
      finished = true;
      return subscription.return();
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

export type WorkoutProgressService = ReturnType<typeof createWorkoutProgressService>;

function messageOf(
  workout: WorkoutRecord,
  metrics: WorkoutMetrics | null,
  heartRate: number | null,
  now: Date,
): WorkoutProgressMessage {
  return {
    workoutId: workout.id,
    userId: workout.userId,
    status: workout.status,
    at: now.toISOString(),
    sampleCount: workout.sampleCount,
    elapsedSeconds: metrics?.elapsedSeconds ?? workout.elapsedSeconds,
    movingSeconds: metrics?.movingSeconds ?? workout.movingSeconds,
    distanceMeters: metrics?.distanceMeters ?? workout.distanceMeters ?? 0,
    averageSpeedMps: metrics?.averageSpeedMps ?? null,
    maxSpeedMps: metrics?.maxSpeedMps ?? null,
    averagePaceSecondsPerKm: metrics?.averagePaceSecondsPerKm ?? null,
    elevationGainMeters: metrics?.elevationGainMeters ?? workout.elevationGainMeters,
    heartRate,
    averageHeartRate: metrics?.heartRate?.average ?? null,
    averagePower: metrics?.power?.average ?? null,
    flags: metrics?.flags.map((flag) => flag.code) ?? [],
  };
}

/** Publishes live progress of workouts being recorded, and subscribes their athlete to it. */
export function createWorkoutProgressService(deps: {
  pubsub: PubSub;
  samples: Pick<SamplesRepo, 'of'>;
  profiles: TrainingProfileRepo;
  workouts: Pick<WorkoutRepo, 'findById'>;
  reads: Pick<WorkoutReadsService, 'get' | 'find'>;
  clock: Clock;
  logger: Logger;
}) {
  /** Workouts being computed now, and whether another batch arrived meanwhile. */
  const running = new Map<string, { again: boolean }>();

  const publisher = {
    /**
     * Publishes the workout's figures in the background; batches arriving while that runs are coalesced
     * into one more computation, so a fast uploader never queues one computation per batch.
     */
    publishSoon(workoutId: string): void {
      const current = running.get(workoutId);
      if (current) {
        current.again = true;
        return;
      }
      const state = { again: false };
      running.set(workoutId, state);
      void (async () => {
        do {
          state.again = false;
          try {
            // Computing the figures reads the whole track: only worth it when someone listens.
            if (!(await deps.pubsub.hasSubscribers(progressChannel(workoutId)))) continue;
            const workout = await deps.workouts.findById(workoutId);
            if (workout) await publisher.publish(workout);
          } catch (error) {
            deps.logger.warn({ err: error, workoutId }, 'live progress not published');
          }
        } while (state.again);
        running.delete(workoutId);
      })();
    },

    /** Computes the running figures of `workout` from its stored track and publishes them. */
    async publish(workout: WorkoutRecord): Promise<void> {
      const samples = workout.sampleCount > 0 ? await deps.samples.of(workout.id) : [];
      const metrics =
        workout.status === 'FINISHED' && workout.metrics
          ? workout.metrics
          : samples.length > 0
            ? metricsOf(workout, samples, await deps.profiles.of(workout.userId))
            : null;
      const latestHeartRate = samples.findLast((s) => s.heartRate !== null)?.heartRate ?? null;
      await deps.pubsub.publish(
        progressChannel(workout.id),
        messageOf(workout, metrics, latestHeartRate, deps.clock.now()),
      );
    },

    /**
     * The progress messages of a workout the viewer may see, up to its finish. The visibility check runs
     * before anything is sent (NOT_FOUND otherwise); the current figures follow at once (to every
     * subscriber: they are the same figures).
     */
    async subscribe(viewer: Viewer, workoutId: string): Promise<AsyncIterableIterator<unknown>> {
      const workout = await deps.reads.get(viewer, workoutId);
      const subscription = deps.pubsub.subscribe(progressChannel(workout.id), { bufferSize: 64 });
      await subscription.ready;
      publisher.publishSoon(workout.id);
      if (workout.userId === viewer.userId) return untilFinished(subscription);
      return untilFinished(subscription, async () => (await deps.reads.find(viewer, workout.id)) !== null);
    },
  };
  return publisher;
}
