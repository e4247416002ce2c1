/** Receives telemetry batches of the viewer's own workouts; a re-sent batch or sample is stored once. */
import type { Viewer } from '../../../lib/auth/viewer';
import { samplesOf, type ColumnarBatch } from './telemetry-batch';
import type { TelemetryRepo } from './telemetry.repo';
import type { WorkoutService } from './workout.service';

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
  workouts: Pick<WorkoutService, 'get'>;
}) {
  return {
    /** Batches may come in any order, and after the finish (a phone syncing late): all are kept. */
    async record(viewer: Viewer, workoutId: string, batch: ColumnarBatch): Promise<TelemetryReceipt> {
      const workout = await deps.workouts.get(viewer, workoutId);
      const rows = samplesOf(batch);
      const { accepted, sampleCount } = await deps.telemetry.store(workout.id, batch.batchId, rows);
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
