/**
 * npm run bench:ingest: telemetry samples per second stored through the gateway (HTTP NDJSON with and
 * without gzip, the GraphQL recordTelemetry mutation; one workout at a time and several in parallel),
 * against plain multi-row INSERTs of the same rows into the same table of the same database. Runs the
 * embedded platform on free ports with throw-away databases: PGlite, and PostgreSQL when DATABASE_URL is
 * set. It prints figures and fails only on errors, never on a figure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, platform as osName, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../lib/config/config';
import { describeTarget, type DatabaseTarget } from '../lib/db/database-target';
import {
  availableDatabaseKinds,
  createTestDatabase,
  type TestDatabase,
  type TestDatabaseKind,
} from '../lib/testing/test-databases';
import type { SampleRow } from '../subgraphs/training/src/telemetry/telemetry-batch';
import {
  checkSampleColumns,
  COLUMN_COUNT,
  insertPlainly,
  openRawSql,
  ROWS_PER_STATEMENT,
} from './bench/plain-insert';
import {
  batchesOf,
  graphqlUpload,
  gzipped,
  httpUpload,
  ndjsonOf,
  registerAthlete,
  runningSamples,
  startWorkouts,
  type Gateway,
  type Upload,
} from './bench/telemetry-client';
import { startPlatform, type Platform } from './platform';

const BATCH_COUNT = 20;
const BATCH_SIZE = 5_000;
const PARALLEL_WORKOUTS = 4;
const TARGET_RATIO = 0.5;
const STARTED_AT = Date.UTC(2026, 10, 20, 6, 0, 0);

interface Measurement {
  path: string;
  samples: number;
  seconds: number;
}

interface BenchPlatform {
  platform: Platform;
  /** Where the training context keeps its data: the baseline writes there too. */
  training: DatabaseTarget;
  /** Stops the platform; later calls wait for the first. */
  stop(): Promise<void>;
  /** Stops the platform, then removes the throw-away databases. */
  close(): Promise<void>;
}

/**
 * The platform on free ports and throw-away databases. On PGlite, which takes one connection per data
 * directory, training's database lives in a temporary directory (not in memory) so that the baseline can
 * open it again once the platform has stopped.
 */
async function startBenchPlatform(kind: TestDatabaseKind): Promise<BenchPlatform> {
  const dataDir = kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'pulse-bench-')) : undefined;
  const databases = new Map<string, TestDatabase>();
  const removeDatabases = async () => {
    await Promise.all([...databases.values()].map((db) => db.cleanup()));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  const databaseOf = (context: string): DatabaseTarget => {
    const db: TestDatabase =
      context === 'training' && dataDir
        ? { target: { kind: 'pglite', dataDir, schema: context }, cleanup: async () => undefined }
        : createTestDatabase(kind, context);
    databases.set(context, db);
    return db.target;
  };
  let platform: Platform;
  try {
    platform = await startPlatform({
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
      logger: pino({ level: 'silent' }),
      ephemeralPorts: true,
      databaseOf,
    });
  } catch (error) {
    await removeDatabases();
    throw error;
  }
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= platform.stop());
  const close = () => stop().then(removeDatabases);
  const training = databases.get('training')?.target;
  if (!training) {
    await close();
    throw new Error('The platform started no training context.');
  }
  return { platform, training, stop, close };
}

/** Batch b goes to workout ⌊b / batches per workout⌋; the uploads of one workout run one after another. */
function lanesOf(workoutIds: string[], upload: (workoutId: string, batch: number) => Upload): Upload[][] {
  const perWorkout = Math.ceil(BATCH_COUNT / workoutIds.length);
  return workoutIds.map((workoutId, lane) =>
    Array.from({ length: Math.min(perWorkout, BATCH_COUNT - lane * perWorkout) }, (_, i) =>
      upload(workoutId, lane * perWorkout + i),
    ),
  );
}

/** Runs the lanes in parallel and times them; throws unless every sample was stored. */
async function timed(path: string, samples: number, lanes: Upload[][]): Promise<Measurement> {
  const started = performance.now();
  const accepted = await Promise.all(
    lanes.map(async (lane) => {
      let sum = 0;
      for (const upload of lane) sum += await upload();
      return sum;
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const stored = accepted.reduce((a, b) => a + b, 0);
  if (stored !== samples) throw new Error(`${path}: ${stored} of ${samples} samples stored.`);
  return { path, samples, seconds };
}

const inParallel = (workouts: number) => (workouts === 1 ? 'sequential' : `${workouts} workouts in parallel`);

/** The gateway paths, each on workouts of its own, with every request body ready before the clock starts. */
async function measureGateway(gateway: Gateway, rows: SampleRow[]): Promise<Measurement[]> {
  const batches = batchesOf(rows, BATCH_SIZE);
  const ndjson = batches.map(ndjsonOf);
  const compressed = ndjson.map(gzipped);
  const measurements: Measurement[] = [];
  for (const gzip of [false, true]) {
    for (const workouts of [1, PARALLEL_WORKOUTS]) {
      const ids = await startWorkouts(gateway, workouts, STARTED_AT);
      const lanes = lanesOf(ids, (workoutId, b) =>
        httpUpload(
          gateway,
          { workoutId, batchId: `b${b}` },
          { body: (gzip ? compressed : ndjson)[b]!, gzip },
        ),
      );
      const path = `HTTP NDJSON${gzip ? ' gzip' : ''}, ${inParallel(workouts)}`;
      measurements.push(await timed(path, rows.length, lanes));
    }
  }
  let graphqlBytes = 0;
  for (const workouts of [1, PARALLEL_WORKOUTS]) {
    const ids = await startWorkouts(gateway, workouts, STARTED_AT);
    const lanes = lanesOf(ids, (workoutId, b) => {
      const upload = graphqlUpload(gateway, { workoutId, batchId: `b${b}` }, batches[b]!);
      graphqlBytes = Math.max(graphqlBytes, upload.bytes);
      return upload;
    });
    measurements.push(await timed(`GraphQL recordTelemetry, ${inParallel(workouts)}`, rows.length, lanes));
  }
  const largest = (bodies: Buffer[]) => Math.max(...bodies.map((b) => b.length));
  console.log(
    `request body per batch of ${BATCH_SIZE} samples: NDJSON ${kB(largest(ndjson))}, gzipped ` +
      `${kB(largest(compressed))}, GraphQL ${kB(graphqlBytes)} (gateway and subgraph accept 1 MB)`,
  );
  return measurements;
}

/** Untimed requests of every path first, so that no path pays for the first connection or cold code. */
async function warmUp(gateway: Gateway, rows: SampleRow[]): Promise<void> {
  const [workoutId] = await startWorkouts(gateway, 1, STARTED_AT);
  const batches = batchesOf(rows, 1_000).slice(0, 6);
  for (const [b, batch] of batches.entries()) {
    const target = { workoutId: workoutId!, batchId: `warm-${b}` };
    const body = ndjsonOf(batch);
    if (b < 2) await httpUpload(gateway, target, { body, gzip: false })();
    else if (b < 4) await httpUpload(gateway, target, { body: gzipped(body), gzip: true })();
    else await graphqlUpload(gateway, target, batch)();
  }
}

/** The baseline, with the bare driver on the training database, after a small untimed warm-up. */
async function measurePlainInsert(training: DatabaseTarget, workoutIds: string[], rows: SampleRow[]) {
  const [warmUpWorkout, workoutId] = workoutIds as [string, string];
  const sql = await openRawSql(training);
  try {
    await checkSampleColumns(sql);
    await insertPlainly(sql, warmUpWorkout, rows.slice(0, ROWS_PER_STATEMENT));
    const started = performance.now();
    await insertPlainly(sql, workoutId, rows);
    const seconds = (performance.now() - started) / 1000;
    const path = `plain INSERT … VALUES (${ROWS_PER_STATEMENT} rows × ${COLUMN_COUNT} columns each)`;
    return { path, samples: rows.length, seconds };
  } finally {
    await sql.close();
  }
}

const kB = (bytes: number) => `${Math.round(bytes / 1000)} kB`;
const rateOf = (m: Measurement) => m.samples / m.seconds;

function printTable(measurements: Measurement[], baseline: Measurement): void {
  const header = ['path', 'samples', 'seconds', 'samples/s', '× INSERT', `≥ ${TARGET_RATIO}×`];
  const rows = [...measurements, baseline].map((m) => {
    const ratio = rateOf(m) / rateOf(baseline);
    const http = m.path.startsWith('HTTP');
    return [
      m.path,
      m.samples.toLocaleString('en-US'),
      m.seconds.toFixed(2),
      Math.round(rateOf(m)).toLocaleString('en-US'),
      `${ratio.toFixed(2)}×`,
      http ? (ratio >= TARGET_RATIO ? 'yes' : 'no') : '',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log([line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
  console.log(`target: HTTP ≥ ${TARGET_RATIO}× the plain INSERT rate`);
}

async function benchDatabase(kind: TestDatabaseKind): Promise<void> {
  const bench = await startBenchPlatform(kind);
  try {
    console.log(
      `\n== ${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}: training in ${describeTarget(bench.training)}`,
    );
    const graphqlUrl = bench.platform.gateway.url;
    const token = await registerAthlete(graphqlUrl);
    const gateway: Gateway = { graphqlUrl, origin: new URL(graphqlUrl).origin, token };
    const rows = runningSamples(BATCH_COUNT * BATCH_SIZE, STARTED_AT);
    await warmUp(gateway, rows);
    const measurements = await measureGateway(gateway, rows);
    const baselineWorkouts = await startWorkouts(gateway, 2, STARTED_AT);
    await bench.stop();
    const baseline = await measurePlainInsert(bench.training, baselineWorkouts, rows);
    const driver = kind === 'pglite' ? 'PGlite (one connection per data directory)' : 'pg pool';
    console.log(
      `plain INSERT: bare ${driver} on the same training database and table, no Prisma, ` +
        'opened after the platform stopped; every path writes workouts of its own',
    );
    printTable(measurements, baseline);
  } finally {
    await bench.close();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const cpu = cpus();
  const load = loadavg().map((l) => l.toFixed(1));
  console.log(`machine: ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length}, ${osName()} ${release()}`);
  console.log(
    `node ${process.version}; load average ${load.join(' ')} at start (figures are noisy above ${cpu.length})`,
  );
  console.log(`per path: ${BATCH_COUNT} batches × ${BATCH_SIZE} samples of a 1 Hz run, every channel filled`);
  for (const kind of availableDatabaseKinds()) await benchDatabase(kind);
  console.log(`\ndone in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
