/**
 * Stores telemetry. The samples of a batch go in with one INSERT … SELECT FROM unnest(…) statement (one
 * array parameter per column, whatever the batch size); re-sent samples are skipped by the primary key.
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

export function createTelemetryRepo(prisma: TrainingPrisma) {
  return {
    /** Stores a batch once; returns how many of its samples were new. */
    store: (workoutId: string, batchId: string, rows: SampleRow[]): Promise<number> =>
      prisma.$transaction(async (tx) => {
        await tx.telemetryBatch.createMany({
          data: [{ workoutId, batchId, sampleCount: rows.length }],
          skipDuplicates: true,
        });
        const columns = COLUMNS.map((column) =>
          rows.map((row) => (column === 'recordedAt' ? row.recordedAt.toISOString() : row[column])),
        );
        return tx.$executeRawUnsafe(INSERT_SAMPLES, workoutId, ...columns);
      }),
    sampleCount: (workoutId: string): Promise<number> =>
      prisma.telemetrySample.count({ where: { workoutId } }),
  };
}
