/** Receives telemetry batches of the viewer's own workouts; a re-sent batch or sample is stored once. */
import type { Viewer } from '../../../lib/auth/viewer';
import type { Logger } from '../../../lib/logging/logger';
import type { ProgressPublisher } from './workout-progress';
import { samplesOf, type ColumnarBatch } from './telemetry-batch';
import type { TelemetryRepo } from './telemetry.repo';
import type { Clock, WorkoutService } from './workout.service';

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

export function createTelemetryService(deps: {
  telemetry: TelemetryRepo;
  workouts: Pick<WorkoutService, 'get' | 'refreshFigures'>;
  progress: ProgressPublisher;
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
      const { accepted, sampleCount } = await deps.telemetry.store(workout.id, batch.batchId, rows);
      if (accepted > 0) await afterStore(viewer, workout.id);
      return {
        workoutId: workout.id,
        batchId: batch.batchId,
        accepted,
        duplicates: rows.length - accepted,
        sampleCount,
      };
    },
  };
}
