/**
 * Receives telemetry batches of the viewer's own workouts (a re-sent batch or sample is stored once), and
 * reads a workout's stored track back for its athlete (chart streams, GPX export).
 */
import type { Viewer } from '../../../../lib/auth/viewer';
import type { Clock } from '../../../../lib/clock';
import type { InTransaction } from '../../../../lib/db/unit-of-work';
import { NotFoundError } from '../../../../lib/errors/domain-error';
import type { Logger } from '../../../../lib/logging/logger';
import type { TrainingRepos } from '../training.repos';
import type { WorkoutProgressService } from '../workouts/workout-progress.service';
import type { WorkoutRecord } from '../workouts/workout.repo';
import type { WorkoutService } from '../workouts/workout.service';
import type { StoredSample } from './samples.repo';
import { samplesOf, type ColumnarBatch } from './telemetry-batch';
import { streamsOf, type StreamChannel, type WorkoutStreams } from './workout-streams';

export interface TelemetryReceipt {
  workoutId: string;
  batchId: string;
  /** Samples stored now. */
  accepted: number;
  /** Samples already stored by an earlier (re-sent) batch. */
  duplicates: number;
  /** Samples the workout has in all. */
  sampleCount: number;
}

export type TelemetryService = ReturnType<typeof createTelemetryService>;

/** Stores telemetry batches and reads tracks back, for the workout's athlete only. */
export function createTelemetryService(deps: {
  repos: Pick<TrainingRepos, 'samples'>;
  inTransaction: InTransaction<Pick<TrainingRepos, 'samples'>>;
  workouts: Pick<WorkoutService, 'get' | 'refreshFigures'>;
  progress: Pick<WorkoutProgressService, 'publishSoon'>;
  clock: Clock;
  logger: Logger;
}) {
  /**
   * What a stored batch changes: a finished workout's figures are recomputed (a late sync); a recording's
   * running figures go to its live subscribers. The batch is stored whatever happens here.
   */
  async function afterStore(viewer: Viewer, workoutId: string) {
    try {
      // Read again after the store: a finish committed meanwhile may have computed its figures without
      // this batch, and then they are recomputed here.
      const workout = await deps.workouts.get(viewer, workoutId);
      if (workout.status === 'FINISHED') await deps.workouts.refreshFigures(workoutId);
      // Live figures are not awaited: the client's upload does not wait for subscribers.
      else deps.progress.publishSoon(workout.id);
    } catch (error) {
      deps.logger.error({ err: error, workoutId }, 'figures after a telemetry batch failed');
    }
  }

  return {
    /** Batches may come in any order, and after the finish (a phone syncing late): all are kept. */
    async record(viewer: Viewer, workoutId: string, batch: ColumnarBatch): Promise<TelemetryReceipt> {
      const workout = await deps.workouts.get(viewer, workoutId);
      const rows = samplesOf(batch, deps.clock.now());
      const { accepted, sampleCount } = await deps.inTransaction(({ samples }) =>
        samples.storeBatch(workout.id, batch.batchId, rows),
      );
      if (accepted > 0) await afterStore(viewer, workout.id);
      return {
        workoutId: workout.id,
        batchId: batch.batchId,
        accepted,
        duplicates: rows.length - accepted,
        sampleCount,
      };
    },

    /** The viewer's own workout with its stored samples, in sequence order. */
    async trackOf(viewer: Viewer, id: string): Promise<{ workout: WorkoutRecord; samples: StoredSample[] }> {
      const workout = await deps.workouts.get(viewer, id);
      return { workout, samples: await deps.repos.samples.of(workout.id) };
    },

    /** Chart series of a workout the viewer read (its own: anyone else's is reported as missing). */
    async streams(
      viewer: Viewer,
      workout: WorkoutRecord,
      channels: readonly StreamChannel[],
      resolution: number,
    ): Promise<WorkoutStreams> {
      if (workout.userId !== viewer.userId) throw new NotFoundError('Workout', workout.id);
      return streamsOf(await deps.repos.samples.of(workout.id), channels, resolution);
    },
  };
}
