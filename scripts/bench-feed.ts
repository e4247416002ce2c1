/**
 * npm run bench:feed [-- --db pglite|postgres|all --workouts 1000000 --athletes 5000 --following 1000
 * --followers 1000 --pages 200 --fanouts 20]:
 * the social context's home feed (fan-out on write, subgraphs/social/src/feed/), wired by its descriptor through
 * openTestSocial, on each database kind; each in a fresh database (PGlite in memory, or a PostgreSQL schema
 * dropped afterwards; DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/test).
 *
 * Set-up (bulk SQL, scripts/bench/feed-seed.ts; timed apart, in no figure): --workouts workouts and their
 * activities by --athletes athletes over two years, a viewer following --following of them, and the home
 * feeds as fan-out would have left them. Then:
 * 1. The viewer's first page (20 items) through the real code path, `feed.page(viewerId, 20)` (the merged
 *    actors' query and the page's), against the baseline: the same page computed at read time by one query
 *    joining "Follow" and "Activity" (the viewer's accepted followees and the viewer, the same visibility and
 *    block condition, visible-activity.sql.ts), both through the same Prisma client, alternated, --pages
 *    times each after a warm-up. Fails (exit 1) unless both return the same 20 activity ids.
 * 2. Fan-out: --fanouts new workouts of the author (--followers followers, feeds full) through the consumer
 *    path (`training.workout.completed`: consumeOnce, record, fan-out, trim to FEED_CAP, announce), after 2
 *    untimed ones. Fails unless each reached every follower's feed and no feed outgrew FEED_CAP by more than
 *    the few entries between two trims.
 * Prints figures and the issue's targets beside them (feed p99 ≤ 50 ms on PostgreSQL, ≥ 10× the read-time
 * query), never fails on a figure.
 */
import { parseArgs } from 'node:util';
import { machineLine } from './bench/machine-line';
import { maxFollowing, seedFeed, type FeedSeed } from './bench/feed-seed';
import type { TestDatabaseKind } from '../lib/testing/test-databases';
import { FEED_CAP, TRIM_EVERY } from '../subgraphs/social/src/feed/feed.repo';
import { visibleActivity } from '../subgraphs/social/src/feed/visible-activity.sql';
import { openTestSocial, type TestSocial } from '../subgraphs/social/src/social.test-db';
import { activityIdOf } from '../subgraphs/social/src/workouts/workout.repo';

const DEFAULT_POSTGRES = 'postgresql://postgres@127.0.0.1:5432/test';
const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'all' },
    workouts: { type: 'string', default: '1000000' },
    athletes: { type: 'string', default: '5000' },
    following: { type: 'string', default: '1000' },
    followers: { type: 'string', default: '1000' },
    pages: { type: 'string', default: '200' },
    fanouts: { type: 'string', default: '20' },
  },
});
const NUMBERS = ['workouts', 'athletes', 'following', 'followers', 'pages', 'fanouts'] as const;
const optionErrors: string[] = [];
if (!['pglite', 'postgres', 'all'].includes(args.db))
  optionErrors.push(`--db must be pglite, postgres or all, got '${args.db}'`);
for (const name of NUMBERS) {
  if (!/^[1-9]\d*$/.test(args[name]))
    optionErrors.push(`--${name} must be a positive integer, got '${args[name]}'`);
}
const numbers = Object.fromEntries(NUMBERS.map((name) => [name, Number(args[name])])) as Record<
  (typeof NUMBERS)[number],
  number
>;
const {
  workouts: WORKOUTS,
  athletes: ATHLETES,
  following: FOLLOWING,
  followers: FOLLOWERS,
  pages: PAGES,
  fanouts: FANOUTS,
} = numbers;
if (FOLLOWING > maxFollowing(ATHLETES))
  optionErrors.push(`--following may be at most ${maxFollowing(ATHLETES)} for ${ATHLETES} athletes`);
if (FOLLOWERS > ATHLETES - 1) optionErrors.push(`--followers may be at most --athletes - 1`);
if (optionErrors.length > 0) throw new Error(optionErrors.join('; '));
const KINDS: TestDatabaseKind[] = args.db === 'all' ? ['pglite', 'postgres'] : [args.db as TestDatabaseKind];
// lib/testing/test-databases.ts creates the throw-away schema on DATABASE_URL: give it the local default.
if (KINDS.includes('postgres')) process.env.DATABASE_URL ??= DEFAULT_POSTGRES;

const PAGE_SIZE = 20;
const WARM_UP_PAGES = 20;
const WARM_UP_FANOUTS = 2;
const TARGET_P99_MS = 50;
const TARGET_RATIO = 10;

const fmt = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
};
const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
};

function printTable(header: string[], lines: string[][]): void {
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)));
  for (const line of [header, widths.map((w) => '-'.repeat(w)), ...lines]) {
    console.log(
      line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | '),
    );
  }
}

/** The baseline: the first page computed when read, from the follow graph and every activity. */
const readTimePage = (social: TestSocial, viewerId: string) =>
  social.prisma.$queryRaw<{ activityId: string }[]>`
    SELECT a."id" AS "activityId" FROM "Activity" a
    JOIN (SELECT f."followeeId" AS id FROM "Follow" f
          WHERE f."followerId" = ${viewerId}::uuid AND f."status" = 'ACCEPTED'
          UNION ALL SELECT ${viewerId}::uuid) who ON who.id = a."actorId"
    WHERE ${visibleActivity(viewerId)}
    ORDER BY a."occurredAt" DESC, a."id" DESC LIMIT ${PAGE_SIZE}`;

interface PageFigures {
  feed: number[];
  readTime: number[];
  mismatch: string | null;
}

async function pages(social: TestSocial, viewerId: string): Promise<PageFigures> {
  const feedIds = async () =>
    (await social.feed.page(viewerId, PAGE_SIZE)).edges.map((edge) => edge.node.activityId);
  const readTimeIds = async () => (await readTimePage(social, viewerId)).map((row) => row.activityId);
  const figures: PageFigures = { feed: [], readTime: [], mismatch: null };
  const [first, second] = [await feedIds(), await readTimeIds()];
  if (first.length !== PAGE_SIZE || first.join() !== second.join())
    figures.mismatch =
      `feed.page gave ${first.length} ids, the read-time query ${second.length}; ` +
      `first difference at #${first.findIndex((id, i) => id !== second[i]) + 1}:\n` +
      `  feed:      ${first.join(' ')}\n  read time: ${second.join(' ')}`;
  for (let i = 0; i < WARM_UP_PAGES; i += 1) {
    await feedIds();
    await readTimeIds();
  }
  // Alternated, so that drift (caches, a busy neighbour) weighs on both alike.
  for (let i = 0; i < PAGES; i += 1) {
    figures.feed.push((await timed(feedIds))[1]);
    figures.readTime.push((await timed(readTimeIds))[1]);
  }
  return figures;
}

interface FanOutFigures {
  ms: number[];
  failures: string[];
}

/** New workouts of the author, an hour apart after the newest, through the consumer path. */
async function fanOuts(social: TestSocial, authorId: string): Promise<FanOutFigures> {
  const figures: FanOutFigures = { ms: [], failures: [] };
  const start = social.clock.now().getTime();
  for (let i = 0; i < WARM_UP_FANOUTS + FANOUTS; i += 1) {
    const startedAt = new Date(start + i * 3600_000);
    const [summary, ms] = await timed(() =>
      social.finished(authorId, {
        startedAt: startedAt.toISOString(),
        finishedAt: new Date(startedAt.getTime() + 3600_000).toISOString(),
        visibility: i % 2 === 0 ? 'FOLLOWERS' : 'PUBLIC',
      }),
    );
    if (i >= WARM_UP_FANOUTS) figures.ms.push(ms);
    const reached = await social.prisma.feedEntry.count({
      where: { activityId: activityIdOf(summary.workoutId) },
    });
    if (reached !== FOLLOWERS + 1)
      figures.failures.push(`fan-out #${i + 1} reached ${reached} feeds, not ${FOLLOWERS + 1}`);
  }
  const [fullest] = await social.prisma.$queryRaw<[{ entries: bigint }]>`
    SELECT count(*) AS entries FROM "FeedEntry" GROUP BY "viewerId" ORDER BY count(*) DESC LIMIT 1`;
  // A fan-out trims one feed in TRIM_EVERY; between trims a feed holds a few entries more.
  const bound = FEED_CAP + 8 * TRIM_EVERY;
  if (Number(fullest.entries) > bound)
    figures.failures.push(
      `a feed holds ${fullest.entries} entries, more than FEED_CAP ${FEED_CAP} and its slack`,
    );
  return figures;
}

async function bench(kind: TestDatabaseKind, failures: string[]): Promise<void> {
  const where = kind === 'pglite' ? 'PGlite in memory' : 'PostgreSQL, a throw-away schema';
  console.log(`\n=== database: ${where} ===`);
  const social = await openTestSocial(kind);
  try {
    const [seed, setupMs]: [FeedSeed, number] = await timed(() =>
      seedFeed(social.prisma, {
        workouts: WORKOUTS,
        athletes: ATHLETES,
        following: FOLLOWING,
        followers: FOLLOWERS,
        feedCap: FEED_CAP,
        end: social.clock.now(),
      }),
    );
    const { rows } = seed;
    console.log(
      `set-up ${fmt(setupMs / 1000, 1)} s (${seed.steps.map(([name, ms]) => `${name} ${fmt(ms / 1000, 1)} s`).join(', ')}): ` +
        `${fmt(rows.workouts)} workouts, ${fmt(rows.activities)} activities, ${fmt(rows.follows)} follows, ` +
        `${fmt(rows.feedEntries)} feed entries (the viewer's ${fmt(rows.viewerFeed)})`,
    );

    const page = await pages(social, seed.viewerId);
    if (page.mismatch) {
      console.error(
        `\n!!! MISMATCH: the feed's first page is not the read-time query's !!!\n${page.mismatch}\n`,
      );
      failures.push(`${kind}: the feed's first page differs from the read-time query's`);
    }
    const fanOut = await fanOuts(social, seed.authorId);
    failures.push(...fanOut.failures.map((failure) => `${kind}: ${failure}`));
    const memory = process.memoryUsage();

    const p = (values: number[], q: number) => fmt(quantile(values, q), 2);
    console.log(
      `\nfirst page (${PAGE_SIZE} items) of a viewer following ${fmt(FOLLOWING)}: ${fmt(PAGES)} runs each, alternated, ` +
        `after ${WARM_UP_PAGES} untimed; same 20 activity ids: ${page.mismatch ? 'NO' : 'yes'}`,
    );
    printTable(
      ['path', 'p50 ms', 'p99 ms', 'max ms'],
      [
        ['feed.page (fan-out on write)', page.feed],
        ['read-time query (Follow ⋈ Activity)', page.readTime],
      ].map(([name, values]) => [
        name as string,
        p(values as number[], 0.5),
        p(values as number[], 0.99),
        p(values as number[], 1),
      ]),
    );
    const ratio50 = quantile(page.readTime, 0.5) / quantile(page.feed, 0.5);
    const ratio99 = quantile(page.readTime, 0.99) / quantile(page.feed, 0.99);
    const feedP99 = quantile(page.feed, 0.99);
    console.log(
      `read-time / feed: ${fmt(ratio50, 1)}× at p50, ${fmt(ratio99, 1)}× at p99 ` +
        `(target ≥ ${TARGET_RATIO}×: ${Math.min(ratio50, ratio99) >= TARGET_RATIO ? 'met' : 'MISSED'})` +
        (kind === 'postgres'
          ? `; feed p99 ${fmt(feedP99, 2)} ms (target ≤ ${TARGET_P99_MS} ms: ${feedP99 <= TARGET_P99_MS ? 'met' : 'MISSED'})`
          : ''),
    );
    console.log(
      `\nfan-out: one new workout of an author with ${fmt(FOLLOWERS)} followers (feeds full at ${FEED_CAP}) through the ` +
        `consumer path (record, fan-out to ${fmt(FOLLOWERS + 1)} feeds, trim, announce); ${fmt(FANOUTS)} workouts after ${WARM_UP_FANOUTS} untimed`,
    );
    printTable(
      ['per workout', 'median ms', 'min ms', 'max ms'],
      [['fan-out', p(fanOut.ms, 0.5), p(fanOut.ms, 0), p(fanOut.ms, 1)]],
    );
    console.log(
      `\nmemory at the end: RSS ${fmt(memory.rss / 2 ** 20)} MB, heap used ${fmt(memory.heapUsed / 2 ** 20)} MB` +
        (kind === 'pglite' ? ' (PGlite and its in-memory database included)' : ''),
    );
  } finally {
    await social.close();
  }
}

async function main(): Promise<number> {
  const started = performance.now();
  console.log(machineLine());
  console.log(
    `workload: ${fmt(WORKOUTS)} workouts by ${fmt(ATHLETES)} athletes over two years, a viewer following ` +
      `${fmt(FOLLOWING)} of them, an author followed by ${fmt(FOLLOWERS)}; FEED_CAP ${FEED_CAP}`,
  );
  const failures: string[] = [];
  for (const kind of KINDS) await bench(kind, failures);
  console.log(`\ndone in ${fmt((performance.now() - started) / 1000)} s`);
  for (const failure of failures) console.error(`FAILED: ${failure}`);
  return failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
