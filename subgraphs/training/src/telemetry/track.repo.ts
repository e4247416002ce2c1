/** Reads a workout's stored samples back as the metrics engine's track (in sequence order). */
import type { TrackSample } from '../metrics/track';
import type { TrainingDb } from '../training.prisma';

export interface StoredSample extends TrackSample {
  sequence: number;
}

export type TrackRepo = ReturnType<typeof createTrackRepo>;

const SELECT_SAMPLES = `
  SELECT "sequence", "recordedAt", "latitude", "longitude", "altitude", "heartRate", "cadence", "power",
         "speed", "temperature"
  FROM "TelemetrySample" WHERE "workoutId" = $1::uuid ORDER BY "sequence"`;

interface SampleRow extends Omit<StoredSample, 'time'> {
  recordedAt: Date | null;
}

export function createTrackRepo(prisma: TrainingDb) {
  return {
    samplesOf: async (workoutId: string): Promise<StoredSample[]> => {
      const rows = await prisma.$queryRawUnsafe<SampleRow[]>(SELECT_SAMPLES, workoutId);
      return rows.map(({ recordedAt, ...row }) => ({ ...row, time: recordedAt?.getTime() ?? null }));
    },
  };
}
