/**
 * Stores telemetry. The samples of a batch go in with one INSERT … SELECT FROM unnest(…) statement (one
 * array parameter per column, whatever the batch size); re-sent samples are skipped by the primary key.
 * The workout's sample count is kept in the same transaction, so no one ever has to count samples.
 */
import { CHANNELS, type SampleRow } from './telemetry-batch';
import type { TrainingPrisma } from './training.prisma';

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

type Tx = Pick<TrainingPrisma, '$executeRawUnsafe'>;

/** Inserts samples with one statement inside the caller's transaction; returns how many were new. */
export function insertSamples(
  tx: Tx,
  workoutId: string,
  rows: (Omit<SampleRow, 'recordedAt'> & { recordedAt: Date | null })[],
): Promise<number> {
  const columns = COLUMNS.map((column) =>
    rows.map((row) => (column === 'recordedAt' ? (row.recordedAt?.toISOString() ?? null) : row[column])),
  );
  return tx.$executeRawUnsafe(INSERT_SAMPLES, workoutId, ...columns);
}

export function createTelemetryRepo(prisma: TrainingPrisma) {
  return {
    /** Stores a batch once; returns how many of its samples were new and how many the workout has now. */
    store: (
      workoutId: string,
      batchId: string,
      rows: SampleRow[],
    ): Promise<{ accepted: number; sampleCount: number }> =>
      prisma.$transaction(async (tx) => {
        await tx.telemetryBatch.createMany({
          data: [{ workoutId, batchId, sampleCount: rows.length }],
          skipDuplicates: true,
        });
        const accepted = await insertSamples(tx, workoutId, rows);
        const { sampleCount } = await tx.workout.update({
          where: { id: workoutId },
          data: { sampleCount: { increment: accepted } },
          select: { sampleCount: true },
        });
        return { accepted, sampleCount };
      }),
  };
}
