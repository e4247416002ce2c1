/**
 * Stores telemetry. The samples of a batch go in with one INSERT … SELECT FROM unnest(…) statement (one
 * array parameter per column, whatever the batch size); re-sent samples are skipped by the primary key.
 * The workout's sample count is kept in the same unit of work, so no one ever has to count samples.
 */
import { CHANNELS, type SampleRow } from './telemetry-batch';
import type { TrainingDb } from '../training.prisma';

export type TelemetryRepo = ReturnType<typeof createTelemetryRepo>;

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

/** A sample as stored: its time as a Date (or none). */
export type StoredSampleRow = Omit<SampleRow, 'recordedAt'> & { recordedAt: Date | null };

/** Inserts samples with one statement; returns how many were new. */
function insertSamples(tx: TrainingDb, workoutId: string, rows: StoredSampleRow[]): Promise<number> {
  const columns = COLUMNS.map((column) =>
    rows.map((row) => (column === 'recordedAt' ? (row.recordedAt?.toISOString() ?? null) : row[column])),
  );
  return tx.$executeRawUnsafe(INSERT_SAMPLES, workoutId, ...columns);
}

export function createTelemetryRepo(prisma: TrainingDb) {
  return {
    /** Inserts the samples of a workout being stored (an import); returns how many were new. */
    insertSamples: (workoutId: string, rows: StoredSampleRow[]): Promise<number> =>
      insertSamples(prisma, workoutId, rows),

    /**
     * Stores a batch once (inside the caller's unit of work); returns how many of its samples were new and
     * how many the workout has now.
     */
    store: async (
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
  };
}
