/**
 * A workout's telemetry samples (table "TelemetrySample"): written by batches (live recording) or all at
 * once (an import), read back as the metrics engine's track. The samples of a write go in with one
 * INSERT … SELECT FROM unnest(…) statement (one array parameter per column, whatever the batch size);
 * re-sent samples are skipped by the primary key. The workout's sample count is kept in the same unit of
 * work, so no one ever has to count samples.
 */
import type { TrackSample } from '../metrics/track';
import type { TrainingDb } from '../training.prisma';
import { CHANNELS, type SampleRow } from './telemetry-batch';

export type SamplesRepo = ReturnType<typeof createSamplesRepo>;

/** A sample as read back: the metrics engine's sample and its place in the workout. */
export interface StoredSample extends TrackSample {
  sequence: number;
}

/** A sample as written: its time as a Date (or none). */
export type StoredSampleRow = Omit<SampleRow, 'recordedAt'> & { recordedAt: Date | null };

const COLUMNS = ['sequence', 'recordedAt', ...CHANNELS] as const;
const TYPES: Record<(typeof COLUMNS)[number], string> = {
  sequence: 'int4[]',
  recordedAt: 'timestamptz[]',
  ...(Object.fromEntries(CHANNELS.map((c) => [c, 'float8[]'])) as Record<(typeof CHANNELS)[number], string>),
};
const INSERT_SAMPLES = `
  INSERT INTO "TelemetrySample" ("workoutId", ${COLUMNS.map((c) => `"${c}"`).join(', ')})
  SELECT $1::uuid, * FROM unnest(${COLUMNS.map((c, i) => `$${i + 2}::${TYPES[c]}`).join(', ')})
  ON CONFLICT ("workoutId", "sequence") DO NOTHING`;

const SELECT_SAMPLES = `
  SELECT "sequence", "recordedAt", "latitude", "longitude", "altitude", "heartRate", "cadence", "power",
         "speed", "temperature"
  FROM "TelemetrySample" WHERE "workoutId" = $1::uuid ORDER BY "sequence"`;

/** A sample as SELECT_SAMPLES reads it. */
type ReadRow = Omit<StoredSample, 'time'> & { recordedAt: Date | null };

/** Inserts samples with one statement; returns how many were new. */
function insertSamples(tx: TrainingDb, workoutId: string, rows: StoredSampleRow[]): Promise<number> {
  const columns = COLUMNS.map((column) =>
    rows.map((row) => (column === 'recordedAt' ? (row.recordedAt?.toISOString() ?? null) : row[column])),
  );
  return tx.$executeRawUnsafe(INSERT_SAMPLES, workoutId, ...columns);
}

export function createSamplesRepo(prisma: TrainingDb) {
  return {
    /** Inserts the samples of a workout being stored (an import); returns how many were new. */
    insert: (workoutId: string, rows: StoredSampleRow[]): Promise<number> =>
      insertSamples(prisma, workoutId, rows),

    /**
     * Stores a batch once (inside the caller's unit of work); returns how many of its samples were new and
     * how many the workout has now.
     */
    storeBatch: async (
      workoutId: string,
      batchId: string,
      rows: SampleRow[],
    ): Promise<{ accepted: number; sampleCount: number }> => {
      await prisma.telemetryBatch.createMany({
        data: [{ workoutId, batchId, sampleCount: rows.length }],
        skipDuplicates: true,
      });
      const accepted = await insertSamples(prisma, workoutId, rows);
      const { sampleCount } = await prisma.workout.update({
        where: { id: workoutId },
        data: { sampleCount: { increment: accepted } },
        select: { sampleCount: true },
      });
      return { accepted, sampleCount };
    },

    /** The workout's samples in sequence order: its track for the metrics engine, chart streams and exports. */
    of: async (workoutId: string): Promise<StoredSample[]> => {
      const rows = await prisma.$queryRawUnsafe<ReadRow[]>(SELECT_SAMPLES, workoutId);
      return rows.map(({ recordedAt, ...row }) => ({ ...row, time: recordedAt?.getTime() ?? null }));
    },
  };
}
