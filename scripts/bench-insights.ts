/**
 * npm run bench:insights [-- --athletes 10000 --days 730 --concurrency 4 --reads 2000 --max-seconds 600]:
 * athletes × days of daily workouts replayed as `training.workout.completed` events through insights' real
 * handlers (wired by its descriptor, index.ts, through openTestInsights: the
 * workout copy, daily loads, form, load-spike flag, week and month summaries, recommendations and their
 * outbox events, in one transaction per event), then p50/p99 of `User.form` (the timeline service's
 * `form(userId, day)`) and of `User.weeklySummaries` over 12 weeks (the summary service's `weekly`) for
 * random replayed athletes. Next to each, a baseline measured in the same run on the same database: as
 * many plain INSERTs of workout rows into a scratch copy of the Workout table as events were replayed (one
 * row per statement with the same concurrency, then 1 000 per statement), and a plain `$queryRaw` SELECT
 * of the rows each read needs (the FormDay row of that day; the PeriodSummary rows of those weeks).
 *
 * The database is a throw-away one: PostgreSQL (a schema dropped afterwards) when DATABASE_URL is set,
 * else in-memory PGlite. Each athlete has a main sport and a second one, a rest day with probability 1/7
 * and a TRIMP from 30 to 250, the same for the same athlete index in every run. Each of the --concurrency
 * workers replays one athlete's days in date order, then the next athlete's, so that the athletes read
 * afterwards have their whole history (PGlite runs one transaction at a time: there the workers queue).
 * Events are built, and validated as a consumer validates them, inside the timed loop (under 1 % of the
 * time in a CPU profile).
 *
 * The full default size (7.3 million athlete-days, 6.3 million events) takes a day or more on a small
 * machine (each event is one transaction of about 27 statements): the replay stops after --max-seconds,
 * and the bench prints what it measured (events delivered, events/s) and, labelled "estimated", how long
 * the full size would take at that rate; the tables then hold only the replayed part, which is what the
 * reads are measured on. Prints figures; fails only on errors, never on a figure.
 */
import { parseArgs } from 'node:util';
import { machineLine } from './bench/machine-line';
import { v7 as uuidv7 } from 'uuid';
import { fixedClock } from '../lib/clock';
import { preferredDatabaseKind, type TestDatabaseKind } from '../lib/testing/test-databases';
import { addDays } from '../subgraphs/insights/src/form/calendar-days';
import { completed, openTestInsights, type TestInsights } from '../subgraphs/insights/src/insights.test-db';
import { createSeededRandom } from '../subgraphs/insights/src/models/seeded-random';
import { weekStart } from '../subgraphs/insights/src/summaries/periods';
import { percentiles, timed } from './bench/leaderboard-workload';

const { values: args } = parseArgs({
  options: {
    athletes: { type: 'string', default: '10000' },
    days: { type: 'string', default: '730' },
    concurrency: { type: 'string', default: '4' },
    reads: { type: 'string', default: '2000' },
    'max-seconds': { type: 'string', default: '600' },
  },
});
const optionErrors = Object.entries(args)
  .filter(([, value]) => !/^[1-9]\d*$/.test(value))
  .map(([name, value]) => `--${name} must be a positive integer, got '${value}'`);
if (optionErrors.length > 0) throw new Error(optionErrors.join('; '));
const ATHLETES = Number(args.athletes);
const DAYS = Number(args.days);
const CONCURRENCY = Number(args.concurrency);
const READS = Number(args.reads);
const MAX_SECONDS = Number(args['max-seconds']);

/** The clock's day: the workouts end the day before. */
const TODAY = '2026-11-30';
const DATES = Array.from({ length: DAYS }, (_, day) => addDays(TODAY, day - DAYS));
/** One rest day a week on average. */
const REST_CHANCE = 1 / 7;
/** Per sport: metres per moving second, roughly. */
const SPORTS = [
  { sport: 'RUN', mps: 3 },
  { sport: 'RIDE', mps: 7.5 },
  { sport: 'POOL_SWIM', mps: 0.8 },
  { sport: 'WALK', mps: 1.4 },
];
const WEEKS_READ = 12;
const PROGRESS_SECONDS = 10;
const WARM_UP_READS = 50;
const ROWS_PER_STATEMENT = 1_000;

interface PlannedWorkout {
  date: string;
  sport: string;
  minutes: number;
  distanceMeters: number;
  trimp: number;
}

/** Athlete `index`'s workouts, oldest first; four draws a day whether it trains or rests. */
function* workoutsOf(index: number): Generator<PlannedWorkout> {
  const random = createSeededRandom(index + 1);
  const main = SPORTS[index % SPORTS.length]!;
  const second = SPORTS[(index + 1) % SPORTS.length]!;
  for (const date of DATES) {
    const rest = random.uniform() < REST_CHANCE;
    const { sport, mps } = random.uniform() < 0.75 ? main : second;
    const trimp = 30 + Math.round(random.uniform() * 220);
    const minutes = 20 + Math.round(trimp / 3 + random.uniform() * 10);
    if (!rest) yield { date, sport, minutes, distanceMeters: Math.round(minutes * 60 * mps), trimp };
  }
}

const startOf = (w: PlannedWorkout) => new Date(`${w.date}T07:00:00.000Z`);

const eventOf = (userId: string, w: PlannedWorkout) =>
  completed({
    userId,
    sport: w.sport,
    startedAt: startOf(w).toISOString(),
    finishedAt: new Date(startOf(w).getTime() + w.minutes * 60_000).toISOString(),
    elapsedSeconds: w.minutes * 60,
    movingSeconds: w.minutes * 60,
    distanceMeters: w.distanceMeters,
    trimp: w.trimp,
  });

const fmt = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const duration = (seconds: number) =>
  seconds < 120
    ? `${fmt(seconds)} s`
    : seconds < 7_200
      ? `${fmt(seconds / 60, 1)} min`
      : `${fmt(seconds / 3_600, 1)} h`;
const megabytes = (bytes: number) => `${fmt(bytes / 2 ** 20)} MB`;

/** What the replay delivered; per athlete index, the first and last day delivered and whether it finished. */
interface Replay {
  events: number;
  seconds: number;
  stoppedEarly: boolean;
  first: (string | undefined)[];
  last: (string | undefined)[];
  finished: boolean[];
}

async function replay(insights: TestInsights, athleteIds: string[]): Promise<Replay> {
  const started = performance.now();
  const deadline = started + MAX_SECONDS * 1000;
  const done: Replay = { events: 0, seconds: 0, stoppedEarly: false, first: [], last: [], finished: [] };
  let reported = { at: started, events: 0 };
  // Checked after each event, not with a timer: on PGlite the replay never yields to the timers' phase.
  const report = () => {
    const now = performance.now();
    if (now - reported.at < PROGRESS_SECONDS * 1000) return;
    const rate = (done.events - reported.events) / ((now - reported.at) / 1000);
    reported = { at: now, events: done.events };
    console.log(
      `  ${fmt((now - started) / 1000)} s: ${fmt(done.events)} events, ${fmt(rate)}/s over the last ` +
        `${PROGRESS_SECONDS} s, ${fmt(done.finished.filter(Boolean).length)} athletes finished, rss ${megabytes(process.memoryUsage().rss)}`,
    );
  };
  let next = 0;
  const worker = async () => {
    while (!done.stoppedEarly && next < athleteIds.length) {
      const index = next++;
      for (const workout of workoutsOf(index)) {
        if (performance.now() >= deadline) {
          done.stoppedEarly = true;
          return;
        }
        await insights.deliver(eventOf(athleteIds[index]!, workout));
        done.events += 1;
        done.first[index] ??= workout.date;
        done.last[index] = workout.date;
        report();
      }
      done.finished[index] = true;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  done.seconds = (performance.now() - started) / 1000;
  return done;
}

interface WriteRow {
  path: string;
  count: number;
  seconds: number;
}

const COLUMNS = [
  ['id', 'uuid'],
  ['userId', 'uuid'],
  ['sport', 'text'],
  ['startedAt', 'timestamptz'],
  ['localDate', 'text'],
  ['movingSeconds', 'int'],
  ['distanceMeters', 'float8'],
  ['trimp', 'float8'],
  ['load', 'float8'],
  ['method', 'text'],
] as const;

/** The first `count` planned workouts as plain rows of COLUMNS (the TRIMP as the load). */
function* plainRows(athleteIds: string[], count: number): Generator<unknown[]> {
  let produced = 0;
  for (let index = 0; produced < count; index += 1) {
    for (const w of workoutsOf(index)) {
      if (produced++ === count) return;
      yield [
        uuidv7(),
        athleteIds[index],
        w.sport,
        startOf(w),
        w.date,
        w.minutes * 60,
        w.distanceMeters,
        w.trimp,
        w.trimp,
        'TRIMP',
      ];
    }
  }
}

const insertInto = (table: string, rows: number) => {
  const tuple = (row: number) =>
    `(${COLUMNS.map(([, type], column) => `$${row * COLUMNS.length + column + 1}::${type}`).join(', ')})`;
  const values = Array.from({ length: rows }, (_, row) => tuple(row)).join(', ');
  return `INSERT INTO "${table}" (${COLUMNS.map(([name]) => `"${name}"`).join(', ')}) VALUES ${values}`;
};

/** As many workout rows as events replayed, by plain INSERTs into a copy of the Workout table (its indexes too). */
async function plainInserts(
  insights: TestInsights,
  athleteIds: string[],
  count: number,
): Promise<WriteRow[]> {
  const { prisma } = insights;
  const scratch = 'BenchScratchWorkout';
  await prisma.$executeRawUnsafe(`CREATE TABLE "${scratch}" (LIKE "Workout" INCLUDING ALL)`);
  try {
    const single = insertInto(scratch, 1);
    const rows = plainRows(athleteIds, count);
    const worker = async () => {
      for (let row = rows.next(); !row.done; row = rows.next())
        await prisma.$executeRawUnsafe(single, ...row.value);
    };
    const singleMs = await timed(() => Promise.all(Array.from({ length: CONCURRENCY }, worker)));
    await prisma.$executeRawUnsafe(`TRUNCATE "${scratch}"`);
    const multiMs = await timed(async () => {
      let chunk: unknown[][] = [];
      const flush = () => prisma.$executeRawUnsafe(insertInto(scratch, chunk.length), ...chunk.flat());
      for (const row of plainRows(athleteIds, count)) {
        chunk.push(row);
        if (chunk.length === ROWS_PER_STATEMENT) {
          await flush();
          chunk = [];
        }
      }
      if (chunk.length > 0) await flush();
    });
    return [
      {
        path: `plain INSERT, 1 row per statement, ${CONCURRENCY} in flight`,
        count,
        seconds: singleMs / 1000,
      },
      { path: `plain INSERT, ${fmt(ROWS_PER_STATEMENT)} rows per statement`, count, seconds: multiMs / 1000 },
    ];
  } finally {
    await prisma.$executeRawUnsafe(`DROP TABLE "${scratch}"`);
  }
}

interface ReadRow {
  read: string;
  plainOf: string;
  service: number[];
  plain: number[];
}

/**
 * Random athletes with a whole replayed history (any replayed athlete if none finished), on a random day
 * at least 12 weeks after their first when they have that much: the form of that day and the 12 weeks
 * ending on it, each followed by its plain SELECT.
 */
async function measureReads(insights: TestInsights, athleteIds: string[], done: Replay): Promise<ReadRow[]> {
  const replayed = athleteIds.map((_, i) => i).filter((i) => done.first[i] !== undefined);
  const finished = replayed.filter((i) => done.finished[i]);
  const readable = finished.length > 0 ? finished : replayed;
  const random = createSeededRandom(7);
  const rows: ReadRow[] = [
    { read: 'User.form: form(userId, day)', plainOf: 'the FormDay row of that day', service: [], plain: [] },
    {
      read: `User.weeklySummaries: ${WEEKS_READ} weeks`,
      plainOf: 'the PeriodSummary rows of those weeks',
      service: [],
      plain: [],
    },
  ];
  for (let i = 0; i < WARM_UP_READS + READS; i += 1) {
    const index = readable[Math.floor(random.uniform() * readable.length)]!;
    const userId = athleteIds[index]!;
    const last = DATES.indexOf(done.last[index]!);
    const earliest = Math.min(DATES.indexOf(done.first[index]!) + 7 * WEEKS_READ, last);
    const day = DATES[earliest + Math.floor(random.uniform() * (last - earliest + 1))]!;
    const from = addDays(day, -7 * (WEEKS_READ - 1));
    // Interleaved, so that whatever slows the machine down slows a read and its baseline alike.
    const durations = [
      await timed(() => insights.timeline.form(userId, day)),
      await timed(
        () =>
          insights.prisma
            .$queryRaw`SELECT * FROM "FormDay" WHERE "userId" = ${userId}::uuid AND "date" = ${day}`,
      ),
      await timed(() => insights.summaries.weekly(userId, from, day, null)),
      await timed(
        () => insights.prisma.$queryRaw`SELECT * FROM "PeriodSummary"
          WHERE "userId" = ${userId}::uuid AND "period" = 'WEEK' AND "sport" = ''
            AND "start" >= ${weekStart(from)} AND "start" <= ${day} ORDER BY "start"`,
      ),
    ];
    if (i < WARM_UP_READS) continue;
    rows[0]!.service.push(durations[0]!);
    rows[0]!.plain.push(durations[1]!);
    rows[1]!.service.push(durations[2]!);
    rows[1]!.plain.push(durations[3]!);
  }
  return rows;
}

function printTable(header: string[], lines: string[][]): void {
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)));
  for (const line of [header, widths.map((w) => '-'.repeat(w)), ...lines]) {
    console.log(
      line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | '),
    );
  }
}

async function tableSizes(insights: TestInsights): Promise<string> {
  const tables = [
    'Workout',
    'DailyLoad',
    'FormDay',
    'PeriodSummary',
    'Recommendation',
    'LoadFlag',
    'OutboxEvent',
  ];
  const counts = await insights.prisma.$queryRawUnsafe<{ name: string; rows: bigint }[]>(
    tables.map((t) => `SELECT '${t}' AS name, count(*) AS rows FROM "${t}"`).join(' UNION ALL '),
  );
  const rowsOf = new Map(counts.map(({ name, rows }) => [name, Number(rows)]));
  return tables.map((table) => `${table} ${fmt(rowsOf.get(table)!)}`).join(', ');
}

async function bench(kind: TestDatabaseKind): Promise<void> {
  const clock = fixedClock(`${TODAY}T12:00:00Z`);
  const insights = await openTestInsights(kind, clock);
  try {
    const [{ version }] = await insights.prisma.$queryRaw<
      [{ version: string }]
    >`SELECT current_setting('server_version') AS version`;
    const where = kind === 'pglite' ? 'PGlite in memory' : 'PostgreSQL (DATABASE_URL), a throw-away schema';
    console.log(`database: ${where}, server ${version}`);
    const athleteIds = Array.from({ length: ATHLETES }, () => uuidv7());
    let planned = 0;
    for (let index = 0; index < ATHLETES; index += 1) for (const _workout of workoutsOf(index)) planned += 1;
    console.log(
      `workload: ${fmt(ATHLETES)} athletes × ${fmt(DAYS)} days (${DATES[0]} to ${DATES[DAYS - 1]}, ` +
        `${fmt(100 * REST_CHANCE)} % rest days) = ${fmt(planned)} workout events; ${CONCURRENCY} athletes ` +
        `in flight; the replay stops after ${fmt(MAX_SECONDS)} s`,
    );
    const done = await replay(insights, athleteIds);
    const rate = done.events / done.seconds;
    console.log(
      `replay: ${fmt(done.events)} of ${fmt(planned)} events delivered in ${fmt(done.seconds, 1)} s ` +
        `(measured: ${fmt(rate, 1)} events/s); ${fmt(done.finished.filter(Boolean).length)} athletes finished`,
    );
    if (done.stoppedEarly) {
      console.log(
        `  stopped at --max-seconds. Full size: estimated ${duration(planned / rate)} for all ` +
          `${fmt(planned)} events at the measured rate (an estimate, not a measurement: the tables were ` +
          'far smaller than at the full size)',
      );
    }
    console.log(`rows stored: ${await tableSizes(insights)}`);
    const writes: WriteRow[] = [
      { path: 'projection: training.workout.completed', count: done.events, seconds: done.seconds },
      ...(await plainInserts(insights, athleteIds, done.events)),
    ];
    const reads = await measureReads(insights, athleteIds, done);
    console.log('');
    printTable(
      ['write', 'events or rows', 'seconds', 'per second', '× projection'],
      writes.map((w) => [
        w.path,
        fmt(w.count),
        fmt(w.seconds, 1),
        fmt(w.count / w.seconds, 1),
        `${fmt(w.count / w.seconds / rate, 1)}×`,
      ]),
    );
    console.log('');
    printTable(
      ['read', 'p50 ms', 'p99 ms', 'plain SELECT of', 'p50 ms', 'p99 ms'],
      reads.map((r) => {
        const service = percentiles(r.service);
        const plain = percentiles(r.plain);
        return [
          r.read,
          fmt(service.p50, 3),
          fmt(service.p99, 3),
          r.plainOf,
          fmt(plain.p50, 3),
          fmt(plain.p99, 3),
        ];
      }),
    );
    console.log(`${fmt(READS)} reads of each (after ${WARM_UP_READS} untimed), one at a time`);
  } finally {
    await insights.close();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log(machineLine());
  await bench(preferredDatabaseKind());
  console.log(`\ndone in ${duration((performance.now() - started) / 1000)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
