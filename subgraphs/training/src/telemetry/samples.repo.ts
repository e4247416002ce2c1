/**
 * A workout's telemetry samples (table "TelemetrySample"): written by batches (live recording) or all at
 * once (an import), read back as the metrics engine's track. The samples of a write go in with one
 * INSERT … SELECT FROM unnest(…) statement (one array parameter per column, whatever the batch size);
 * re-sent samples are skipped by the primary key. The workout's sample count is kept in the same statement
 * (a live batch) or unit of work (an import), so no one ever has to count samples.
 */
import type { TrackSample } from '../metrics/track';
import type { TrainingDb } from '../training.prisma';
import type { WorkoutStatus } from '../workouts/workout.repo';
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

// A batch in one statement (atomic on its own, so no transaction, and one round trip: the owner check is in
// it): its receipt, its new samples, and the workout's count and status after it. The workout's row is
// locked first, only if it is the athlete's, so nothing is written for someone else's workout or one deleted
// meanwhile, and the status returned includes a finish committed meanwhile (the caller learns whether
// figures need a recompute without reading the workout again).
const BATCH_ID = `$${COLUMNS.length + 2}`;
const BATCH_SIZE = `$${COLUMNS.length + 3}`;
const OWNER = `$${COLUMNS.length + 4}`;
const STORE_BATCH = `
  WITH workout AS (SELECT "id" FROM "Workout" WHERE "id" = $1::uuid AND "userId" = ${OWNER}::uuid FOR UPDATE),
  batch AS (
    INSERT INTO "TelemetryBatch" ("workoutId", "batchId", "sampleCount")
    SELECT "id", ${BATCH_ID}, ${BATCH_SIZE} FROM workout
    ON CONFLICT DO NOTHING
  ),
  inserted AS (
    INSERT INTO "TelemetrySample" ("workoutId", ${COLUMNS.map((c) => `"${c}"`).join(', ')})
    SELECT $1::uuid, * FROM unnest(${COLUMNS.map((c, i) => `$${i + 2}::${TYPES[c]}`).join(', ')})
    WHERE EXISTS (SELECT 1 FROM workout)
    ON CONFLICT ("workoutId", "sequence") DO NOTHING
    RETURNING 1
  )
  UPDATE "Workout" SET "sampleCount" = "sampleCount" + (SELECT count(*) FROM inserted), "updatedAt" = now()
  WHERE "id" = (SELECT "id" FROM workout)
  RETURNING (SELECT count(*) FROM inserted)::int AS "accepted", "sampleCount", "status"::text AS "status"`;

/** A sample as SELECT_SAMPLES reads it. */
type ReadRow = Omit<StoredSample, 'time'> & { recordedAt: Date | null };

/** The rows as INSERT_SAMPLES's column arrays. */
const columnsOf = (rows: StoredSampleRow[]) =>
  COLUMNS.map((column) =>
    rows.map((row) => (column === 'recordedAt' ? (row.recordedAt?.toISOString() ?? null) : row[column])),
  );

/** Inserts samples with one statement; returns how many were new. */
function insertSamples(tx: TrainingDb, workoutId: string, rows: StoredSampleRow[]): Promise<number> {
  return tx.$executeRawUnsafe(INSERT_SAMPLES, workoutId, ...columnsOf(rows));
}

/** What storing a batch did, and the workout's state after it. */
export interface StoredBatch {
  accepted: number;
  sampleCount: number;
  status: WorkoutStatus;
}

export function createSamplesRepo(prisma: TrainingDb) {
  return {
    /** Inserts the samples of a workout being stored (an import); returns how many were new. */
    insert: (workoutId: string, rows: StoredSampleRow[]): Promise<number> =>
      insertSamples(prisma, workoutId, rows),

    /**
     * Stores a batch of the athlete's workout once, in one statement; returns how many of its samples were
     * new, how many the workout has now, and its status (null when the workout does not exist or is not
     * `userId`'s: nothing is written).
     */
    storeBatch: async (
      workoutId: string,
      userId: string,
      batchId: string,
      rows: SampleRow[],
    ): Promise<StoredBatch | null> => {
      const [stored] = await prisma.$queryRawUnsafe<StoredBatch[]>(
        STORE_BATCH,
        workoutId,
        ...columnsOf(rows),
        batchId,
        rows.length,
        userId,
      );
      return stored ?? null;
    },

    /** The workout's samples in sequence order: its track for the metrics engine, chart streams and exports. */
    of: async (workoutId: string): Promise<StoredSample[]> => {
      const rows = await prisma.$queryRawUnsafe<ReadRow[]>(SELECT_SAMPLES, workoutId);
      return rows.map(({ recordedAt, ...row }) => ({ ...row, time: recordedAt?.getTime() ?? null }));
    },
  };
}
