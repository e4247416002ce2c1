/**
 * The benchmark's baseline: the same samples stored with plain multi-row `INSERT … VALUES (…),(…),…`
 * statements, in chunks as large as PostgreSQL's 65 535 bind parameters allow, sent with the bare driver
 * (pg or PGlite, no Prisma) to a context's database. The column list lives in SAMPLE_COLUMNS only; the
 * statement names no key, so a change of the table's primary key needs no edit here.
 */
import { PGlite } from '@electric-sql/pglite';
import { Pool } from 'pg';
import { lockDataDir } from '../../lib/db/data-dir-lock';
import type { DatabaseTarget } from '../../lib/db/database-target';
import { PGLITE_EXTENSIONS } from '../../lib/db/pglite-instances';
import { CHANNELS, type SampleRow } from '../../subgraphs/training/src/telemetry/telemetry-batch';

/** A bare SQL connection: a statement with positional parameters, and how many rows it wrote or read. */
export interface RawSql {
  query(sql: string, parameters: unknown[]): Promise<{ rows: unknown[]; count: number }>;
  close(): Promise<void>;
}

/** Bind parameters one statement may carry (the wire protocol counts them in 16 bits). */
const MAX_PARAMETERS = 65_535;

type SampleColumn = 'workoutId' | keyof SampleRow;

/** The columns of "TelemetrySample" the baseline fills, with the SQL type of each parameter. */
const SAMPLE_COLUMNS: Record<SampleColumn, string> = {
  workoutId: 'uuid',
  sequence: 'int4',
  recordedAt: 'timestamptz',
  ...(Object.fromEntries(CHANNELS.map((channel) => [channel, 'float8'])) as Record<
    (typeof CHANNELS)[number],
    string
  >),
};
const COLUMN_NAMES = Object.keys(SAMPLE_COLUMNS) as SampleColumn[];

export const COLUMN_COUNT = COLUMN_NAMES.length;
/** Rows per statement: as many as fit in the parameter limit with one parameter per value. */
export const ROWS_PER_STATEMENT = Math.floor(MAX_PARAMETERS / COLUMN_COUNT);

/**
 * Opens the target the way lib/db/database.ts does, without Prisma: a one-connection pg pool in the
 * context's schema, or the PGlite data directory under its lock (so only once no one else holds it).
 */
export async function openRawSql(target: DatabaseTarget): Promise<RawSql> {
  if (target.kind === 'postgres') {
    const pool = new Pool({
      connectionString: target.url,
      options: `-c search_path=${target.schema}`,
      max: 1,
    });
    return {
      query: async (sql, parameters) => {
        const result = await pool.query(sql, parameters);
        return { rows: result.rows, count: result.rowCount ?? 0 };
      },
      close: () => pool.end(),
    };
  }
  if (!target.dataDir) throw new Error('An in-memory PGlite cannot be opened a second time.');
  const release = lockDataDir(target.dataDir);
  const pglite = await PGlite.create({ dataDir: target.dataDir, extensions: PGLITE_EXTENSIONS });
  await pglite.exec(`SET search_path TO "${target.schema}"`);
  return {
    query: async (sql, parameters) => {
      const result = await pglite.query(sql, parameters);
      return { rows: result.rows, count: result.affectedRows ?? result.rows.length };
    },
    close: async () => {
      await pglite.close();
      release();
    },
  };
}

/** Fails early, naming them, when the table has required columns the baseline does not fill. */
export async function checkSampleColumns(sql: RawSql): Promise<void> {
  const { rows } = await sql.query(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = 'TelemetrySample'
        AND is_nullable = 'NO' AND column_default IS NULL AND is_generated = 'NEVER'`,
    [],
  );
  const required = (rows as { column_name: string }[]).map((row) => row.column_name);
  if (required.length === 0) throw new Error('No table "TelemetrySample" in the current schema.');
  const missing = required.filter((column) => !(COLUMN_NAMES as string[]).includes(column));
  if (missing.length > 0) {
    throw new Error(`"TelemetrySample" requires columns the baseline does not fill: ${missing.join(', ')}.`);
  }
}

const statements = new Map<number, string>();

/** The INSERT for `rowCount` rows, built once per size. */
function insertStatement(rowCount: number): string {
  const cached = statements.get(rowCount);
  if (cached) return cached;
  const tuples = Array.from({ length: rowCount }, (_, row) => {
    const first = row * COLUMN_COUNT;
    return `(${COLUMN_NAMES.map((column, i) => `$${first + i + 1}::${SAMPLE_COLUMNS[column]}`).join(', ')})`;
  });
  const columns = COLUMN_NAMES.map((column) => `"${column}"`).join(', ');
  const statement = `INSERT INTO "TelemetrySample" (${columns}) VALUES ${tuples.join(', ')}`;
  statements.set(rowCount, statement);
  return statement;
}

function valueOf(workoutId: string, row: SampleRow, column: SampleColumn): string | number | null {
  if (column === 'workoutId') return workoutId;
  if (column === 'recordedAt') return row.recordedAt.toISOString();
  return row[column];
}

/** Stores the rows of one workout with plain INSERTs, one statement per ROWS_PER_STATEMENT rows. */
export async function insertPlainly(sql: RawSql, workoutId: string, rows: SampleRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const values = chunk.flatMap((row) => COLUMN_NAMES.map((column) => valueOf(workoutId, row, column)));
    const { count } = await sql.query(insertStatement(chunk.length), values);
    if (count !== chunk.length) throw new Error(`INSERT stored ${count} of ${chunk.length} rows.`);
  }
}
