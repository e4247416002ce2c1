/**
 * npm run bench:notifications [-- --db pglite|postgres|all --recipients 1000,10000 --live 200 --setup bulk|events
 * --concurrency 8]:
 * the notifications context (subgraphs/notifications, wired by its descriptor through openTestNotifications)
 * on each database kind.
 *
 * 1. Fan-out: ONE `gamification.achievement.unlocked` event run through the `achievement-unlocked`
 *    workflow for N recipients at once (runWorkflow's recipient override: a broadcast, a club announcement)
 *    inside one unit of work, then announced to live subscribers (there are none) as the consumer does; then
 *    the delivery worker (`sendDue`) until nothing is due, with the REAL push channel: createFcmSender against
 *    a loopback HTTPS peer playing Google's token endpoint and FCM (push/testing/fake-google.ts), which
 *    answers 200 to every token. Each recipient has a Recipient row and one ANDROID device: by default
 *    (--setup bulk) written by createMany, 1 000 rows a statement; with --setup events through the consumer
 *    path (`identity.user.registered`) and `devices.register`, --concurrency at a time (about 8 ms a
 *    recipient on PGlite, 10 s for 10 000: not part of any figure either way, it is timed apart). Recipients have no email address: the workflow's email step is
 *    logged SKIPPED, so the fan-out writes per recipient one WorkflowRun, one Notification and three
 *    Delivery rows (IN_APP SENT, PUSH QUEUED, EMAIL SKIPPED). Fails (exit 1) unless the peer received exactly
 *    N FCM sends, every push delivery is SENT and the fake Google saw no broken request.
 * 2. Baseline, same run, same database: the same rows written by plain SQL in one transaction into scratch
 *    copies of the tables (LIKE … INCLUDING ALL: the same indexes), one `INSERT … SELECT … FROM unnest(…)`
 *    per table: N Notification + 2N Delivery rows (IN_APP, PUSH), and — what the fan-out really writes —
 *    N WorkflowRun + N Notification + 3N Delivery rows. Printed with the ratio fan-out write / plain insert.
 * 3. Live inbox: --live recipients subscribe (`inbox.subscribe`, the in-process pub/sub of tests and the
 *    embedded mode), then each gets one `social.kudos.given` event (as workout owner) through the consumer
 *    path (`deliver`: consumeOnce transaction, commit, announce) — one event at a time, then all at once as
 *    the in-process bus hands them over (4 partitions: 4 in flight) — and the time from just before the burst
 *    (each event alone: its delivery) to its subscriber's receipt of the item (the view read included) is
 *    recorded: p50 / p95 / max. A delivery that throws is counted as failed, its subscriber not waited for.
 *
 * The default --db is all (PGlite, then PostgreSQL) when DATABASE_URL is set, else pglite; each fan-out size
 * and the live part open a fresh context (empty tables). Prints figures; fails (exit 1) on errors, on a
 * check of (1) or on a failed live delivery, never on a figure.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { machineLine } from './bench/machine-line';
import { v7 as uuidv7 } from 'uuid';
import { inTransaction } from '../lib/db/unit-of-work';
import { availableDatabaseKinds, type TestDatabaseKind } from '../lib/testing/test-databases';
import type { DeliveryChannels } from '../subgraphs/notifications/src/delivery/delivery-channels';
import { kudos } from '../subgraphs/notifications/src/notifications.builders';
import { notificationsRepos } from '../subgraphs/notifications/src/notifications.repos';
import {
  anEvent,
  movableClock,
  openTestNotifications,
  registered,
  type TestNotifications,
} from '../subgraphs/notifications/src/notifications.test-db';
import { createFcmSender } from '../subgraphs/notifications/src/push/fcm-sender';
import {
  CLIENT_EMAIL,
  newFakeGoogle,
  PROJECT,
  serviceAccountKey,
} from '../subgraphs/notifications/src/push/testing/fake-google';
import { startHttpsPeer } from '../subgraphs/notifications/src/push/testing/local-https-peer';
import { workflowNamed } from '../subgraphs/notifications/src/workflows/workflow-catalogue';
import { runWorkflow } from '../subgraphs/notifications/src/workflows/workflow-runner';

const hasPostgres = availableDatabaseKinds().includes('postgres');
const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: hasPostgres ? 'all' : 'pglite' },
    recipients: { type: 'string', default: '1000,10000' },
    live: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '8' },
    setup: { type: 'string', default: 'bulk' },
  },
});
const optionErrors: string[] = [];
if (!['pglite', 'postgres', 'all'].includes(args.db))
  optionErrors.push(`--db must be pglite, postgres or all, got '${args.db}'`);
if ((args.db === 'postgres' || args.db === 'all') && !hasPostgres)
  optionErrors.push(`--db ${args.db} needs DATABASE_URL`);
if (!/^[1-9]\d*(,[1-9]\d*)*$/.test(args.recipients))
  optionErrors.push(`--recipients must be positive integers separated by commas, got '${args.recipients}'`);
if (!['bulk', 'events'].includes(args.setup))
  optionErrors.push(`--setup must be bulk or events, got '${args.setup}'`);
for (const name of ['live', 'concurrency'] as const) {
  if (!/^[1-9]\d*$/.test(args[name]))
    optionErrors.push(`--${name} must be a positive integer, got '${args[name]}'`);
}
if (optionErrors.length > 0) throw new Error(optionErrors.join('; '));
const KINDS: TestDatabaseKind[] = args.db === 'all' ? ['pglite', 'postgres'] : [args.db as TestDatabaseKind];
const RECIPIENTS = args.recipients.split(',').map(Number);
const LIVE = Number(args.live);
/** Set-up (registering users and devices) and the live burst's concurrency on PostgreSQL; PGlite queues. */
const CONCURRENCY = Number(args.concurrency);
const SETUP = args.setup;

const START = '2026-12-01T12:00:00Z';
/** The fan-out's unit of work, as the notifications consumer's: 10 000 recipients may pass Prisma's 5 s default. */
const FAN_OUT_LIMITS = { maxWait: 10_000, timeout: 30 * 60_000 };
const LIVE_TIMEOUT_MS = 120_000;
/** The in-process bus's partitions per topic (lib/events/in-process-bus.ts): its consumer's events in flight. */
const BUS_PARTITIONS = 4;
const FCM_SEND_PATH = `/v1/projects/${PROJECT}/messages:send`;

const fmt = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const seconds = (ms: number) => fmt(ms / 1000, 2);

function printTable(header: string[], lines: string[][]): void {
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)));
  for (const line of [header, widths.map((w) => '-'.repeat(w)), ...lines]) {
    console.log(
      line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | '),
    );
  }
}

/** Runs `work` for each item with at most `limit` in flight. */
async function inPool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const PLAIN_ROUNDS = 3;
const median = (values: number[]) =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const BULK_ROWS = 1_000;

/**
 * Registers `count` users with one ANDROID device each when `devices`: through the consumer path
 * (identity.user.registered) and the device service, or (--setup bulk) the same rows by createMany.
 */
async function registerUsers(
  n: TestNotifications,
  count: number,
  prefix: string,
  devices: boolean,
  bulk = SETUP === 'bulk',
): Promise<string[]> {
  const ids = Array.from({ length: count }, () => uuidv7());
  if (bulk) {
    const at = n.clock.now();
    for (let from = 0; from < count; from += BULK_ROWS) {
      const chunk = ids.slice(from, from + BULK_ROWS);
      await n.prisma.recipient.createMany({
        data: chunk.map((userId, i) => ({
          userId,
          displayName: `${prefix} ${from + i + 1}`,
          timeZone: 'UTC',
          unsubscribeToken: randomUUID(),
        })),
      });
      if (!devices) continue;
      await n.prisma.pushDevice.createMany({
        data: chunk.map((userId, i) => ({
          id: uuidv7(),
          userId,
          platform: 'ANDROID',
          token: `fcm-${prefix}-${from + i + 1}`,
          createdAt: at,
          lastSeenAt: at,
        })),
      });
    }
    return ids;
  }
  await inPool(ids, CONCURRENCY, async (userId, i) => {
    await n.deliver(registered(userId, `${prefix} ${i + 1}`));
    if (devices) await n.devices.register(userId, { platform: 'ANDROID', token: `fcm-${prefix}-${i + 1}` });
  });
  return ids;
}

interface FanOutRow {
  recipients: number;
  setupMs: number;
  writeMs: number;
  workerMs: number;
  lastPushMs: number;
  fcmSends: number;
  tokenRequests: number;
  rowsWritten: string;
  plainMs: number;
  plainAllMs: number;
}

/** Same rows as the fan-out, by plain SQL: one INSERT … SELECT FROM unnest per table, in one transaction. */
async function plainInsert(
  n: TestNotifications,
  userIds: string[],
  eventId: string,
  asFanOut: boolean,
): Promise<number> {
  const at = n.clock.now();
  const data = JSON.stringify({
    code: 'club-announcement',
    achievementTitle: 'Bench broadcast',
    workoutId: null,
  });
  const devices = await n.prisma.pushDevice.findMany({
    where: { userId: { in: userIds } },
    select: { id: true, userId: true },
  });
  const deviceOf = new Map(devices.map((d) => [d.userId, d.id]));
  const notificationIds = userIds.map(() => uuidv7());
  const channels = asFanOut ? ['IN_APP', 'EMAIL', 'PUSH'] : ['IN_APP', 'PUSH'];
  const d = {
    id: [] as string[],
    notificationId: [] as string[],
    userId: [] as string[],
    channel: [] as string[],
    status: [] as string[],
  };
  const reason: (string | null)[] = [];
  const deviceId: (string | null)[] = [];
  const sentAt: (Date | null)[] = [];
  userIds.forEach((userId, i) => {
    for (const channel of channels) {
      d.id.push(uuidv7());
      d.notificationId.push(notificationIds[i]!);
      d.userId.push(userId);
      d.channel.push(channel);
      d.status.push(channel === 'IN_APP' ? 'SENT' : channel === 'PUSH' ? 'QUEUED' : 'SKIPPED');
      reason.push(channel === 'EMAIL' ? 'no email address is known for the account' : null);
      deviceId.push(channel === 'PUSH' ? deviceOf.get(userId)! : null);
      sentAt.push(channel === 'IN_APP' ? at : null);
    }
  });
  for (const table of ['Notification', 'Delivery', 'WorkflowRun']) {
    await n.prisma.$executeRawUnsafe(`DROP TABLE IF EXISTS "BenchPlain${table}"`);
    await n.prisma.$executeRawUnsafe(`CREATE TABLE "BenchPlain${table}" (LIKE "${table}" INCLUDING ALL)`);
  }
  try {
    const started = performance.now();
    await n.prisma.$transaction(
      async (tx) => {
        if (asFanOut) {
          await tx.$executeRawUnsafe(
            `INSERT INTO "BenchPlainWorkflowRun" ("userId", "eventId", workflow, "notificationId", "createdAt")
             SELECT u, $2::uuid, 'achievement-unlocked', nid, $3::timestamptz
             FROM unnest($1::text[]::uuid[], $4::text[]::uuid[]) AS t(u, nid)`,
            userIds,
            eventId,
            at,
            notificationIds,
          );
        }
        await tx.$executeRawUnsafe(
          `INSERT INTO "BenchPlainNotification" (id, "userId", workflow, category, "groupKey", "groupOpenUntil", count, data, "createdAt", "updatedAt")
           SELECT id, u, 'achievement-unlocked', 'ACTIVITY', NULL, NULL, 1, $3::jsonb, $4::timestamptz, $4::timestamptz
           FROM unnest($1::text[]::uuid[], $2::text[]::uuid[]) AS t(id, u)`,
          notificationIds,
          userIds,
          data,
          at,
        );
        await tx.$executeRawUnsafe(
          `INSERT INTO "BenchPlainDelivery" (id, "notificationId", "userId", channel, status, reason, "dueAt", attempts,
                                             "deviceId", "batchKey", "sentAt", "createdAt", "updatedAt")
           SELECT id, nid, u, channel, status, reason, $8::timestamptz, 0, device, NULL, sent, $8::timestamptz, $8::timestamptz
           FROM unnest($1::text[]::uuid[], $2::text[]::uuid[], $3::text[]::uuid[], $4::text[], $5::text[], $6::text[],
                       $7::text[]::uuid[], $9::timestamptz[]) AS t(id, nid, u, channel, status, reason, device, sent)`,
          d.id,
          d.notificationId,
          d.userId,
          d.channel,
          d.status,
          reason,
          deviceId,
          at,
          sentAt,
        );
      },
      { maxWait: 10_000, timeout: 10 * 60_000 },
    );
    const elapsed = performance.now() - started;
    const [{ rows }] = await n.prisma.$queryRawUnsafe<[{ rows: bigint }]>(
      `SELECT count(*) AS rows FROM "BenchPlainDelivery"`,
    );
    if (Number(rows) !== userIds.length * channels.length)
      throw new Error(`plain insert wrote ${rows} deliveries`);
    return elapsed;
  } finally {
    for (const table of ['Notification', 'Delivery', 'WorkflowRun'])
      await n.prisma.$executeRawUnsafe(`DROP TABLE "BenchPlain${table}"`);
  }
}

async function fanOut(kind: TestDatabaseKind, count: number, failures: string[]): Promise<FanOutRow> {
  const google = newFakeGoogle();
  const peer = await startHttpsPeer(google.route);
  try {
    const sender = createFcmSender({
      projectId: PROJECT,
      serviceAccount: {
        client_email: CLIENT_EMAIL,
        private_key: serviceAccountKey.privateKey,
        token_uri: `${peer.origin}/token`,
      },
      baseUrl: peer.origin,
      agent: peer.agent,
      timeoutMs: 30_000,
    });
    let lastAnswer = 0;
    let mailAsked = 0;
    const channels: DeliveryChannels = {
      email: async () => {
        mailAsked += 1;
        return { outcome: 'failed', reason: 'email is not part of the bench' };
      },
      digest: async () => {
        mailAsked += 1;
        return { outcome: 'failed', reason: 'email is not part of the bench' };
      },
      push: async (device, message) => {
        const outcome =
          device.platform === 'WEB'
            ? ({ outcome: 'failed', reason: 'no Web Push in the bench' } as const)
            : await sender.send({ platform: device.platform, token: device.token }, message);
        lastAnswer = performance.now();
        return outcome;
      },
    };
    const clock = movableClock(START);
    const n = await openTestNotifications(kind, { clock, channels });
    try {
      const setupStarted = performance.now();
      const userIds = await registerUsers(n, count, 'Athlete', true);
      const setupMs = performance.now() - setupStarted;

      const workflow = workflowNamed('achievement-unlocked')!;
      const event = anEvent(
        'gamification.achievement.unlocked',
        {
          userId: userIds[0]!,
          code: 'club-announcement',
          title: 'Bench broadcast',
          workoutId: null,
          unlockedAt: clock.now().toISOString(),
        },
        clock.now(),
      );
      const unitOfWork = inTransaction(n.prisma, notificationsRepos, FAN_OUT_LIMITS);
      const started = performance.now();
      const outcome = await unitOfWork((repos) => runWorkflow(repos, workflow, event, clock.now(), userIds));
      await n.inbox.announce(outcome.touched);
      const written = performance.now();
      await n.sendDue();
      const finished = performance.now();

      const fcmSends = peer.requests.filter((r) => r.url === FCM_SEND_PATH).length;
      const tokenRequests = peer.requests.filter((r) => r.url === '/token').length;
      const byStatus = await n.repos.deliveries.countsByStatus();
      const counted = (channel: string, status: string) =>
        byStatus.find((c) => c.channel === channel && c.status === status)?.count ?? 0;
      const [notifications, runs] = await Promise.all([
        n.prisma.notification.count(),
        n.prisma.workflowRun.count(),
      ]);
      const deliveries = byStatus.reduce((sum, c) => sum + c.count, 0);
      const where = `${kind}, ${fmt(count)} recipients`;
      if (fcmSends !== count)
        failures.push(`${where}: the FCM peer received ${fcmSends} sends, not ${count}`);
      if (counted('PUSH', 'SENT') !== count) {
        failures.push(
          `${where}: ${counted('PUSH', 'SENT')} push deliveries SENT of ${count}: ${JSON.stringify(byStatus)}`,
        );
      }
      if (counted('IN_APP', 'SENT') !== count || notifications !== count) {
        failures.push(
          `${where}: ${notifications} items, ${counted('IN_APP', 'SENT')} in-app deliveries SENT`,
        );
      }
      if (outcome.queued !== count) failures.push(`${where}: runWorkflow queued ${outcome.queued}`);
      if (google.problems.length > 0)
        failures.push(`${where}: fake Google saw ${google.problems.slice(0, 3).join('; ')}`);
      if (mailAsked > 0) failures.push(`${where}: the worker asked for ${mailAsked} mails`);
      console.log(
        `  ${fmt(count)} recipients: set-up ${seconds(setupMs)} s; fan-out wrote ${fmt(runs)} runs, ${fmt(notifications)} items, ` +
          `${fmt(deliveries)} deliveries (${byStatus.map((c) => `${c.channel} ${c.status} ${fmt(c.count)}`).join(', ')})`,
      );

      // Untimed warm-up of both statements (a fresh connection plans them the first time).
      for (const asFanOut of [false, true]) await plainInsert(n, userIds.slice(0, 100), event.id, asFanOut);
      // Alternated, PLAIN_ROUNDS times each, the median kept: single runs of a few hundred ms are noisy.
      const plain: number[] = [];
      const plainAll: number[] = [];
      for (let round = 0; round < PLAIN_ROUNDS; round += 1) {
        plain.push(await plainInsert(n, userIds, event.id, false));
        plainAll.push(await plainInsert(n, userIds, event.id, true));
      }
      const plainMs = median(plain);
      const plainAllMs = median(plainAll);
      return {
        recipients: count,
        setupMs,
        writeMs: written - started,
        workerMs: finished - written,
        lastPushMs: lastAnswer - started,
        fcmSends,
        tokenRequests,
        rowsWritten: `${fmt(runs)} + ${fmt(notifications)} + ${fmt(deliveries)}`,
        plainMs,
        plainAllMs,
      };
    } finally {
      await n.close();
    }
  } finally {
    await peer.close();
  }
}

interface LiveRow {
  mode: string;
  latencies: number[];
  /** Events whose delivery threw (their subscriber gets nothing), and the first error. */
  failed: number;
  error?: string;
}

/** --live subscribers; one kudos each through the consumer path, one at a time, then all at once. */
async function liveInbox(kind: TestDatabaseKind): Promise<LiveRow[]> {
  const clock = movableClock(START);
  const n = await openTestNotifications(kind, { clock });
  try {
    const [giver] = await registerUsers(n, 1, 'Giver', false, false);
    const owners = await registerUsers(n, LIVE, 'Owner', false, false);
    const iterators = owners.map((owner) => n.inbox.subscribe(owner)[Symbol.asyncIterator]());
    // When the subscriber received its item; null when its feed ended first (closed after a failed delivery).
    const receipt = (i: number): Promise<number | null> =>
      iterators[i]!.next().then((result) => (result.done ? null : performance.now()));
    try {
      // Sequential: each event alone, its receipt awaited before the next.
      const sequential: number[] = [];
      for (let i = 0; i < owners.length; i += 1) {
        const received = receipt(i);
        const event = kudos(owners[i]!, giver!, uuidv7(), clock.now());
        const started = performance.now();
        await n.deliver(event);
        const at = await withTimeout(received, LIVE_TIMEOUT_MS, `subscriber ${i}`);
        if (at === null) throw new Error(`the live feed of subscriber ${i} ended`);
        sequential.push(at - started);
      }
      // Burst: every owner's event at once, as the in-process bus hands them to the consumer: one at a time
      // per partition of the topic (BUS_PARTITIONS), so that many in flight.
      const received = owners.map((_, i) => receipt(i));
      const events = owners.map((owner) => kudos(owner, giver!, uuidv7(), clock.now()));
      const starts: number[] = events.map(() => performance.now());
      const errors: (string | undefined)[] = [];
      await inPool(events, BUS_PARTITIONS, async (event, i) => {
        try {
          await n.deliver(event);
        } catch (error) {
          // The consumer would redeliver it later; here it counts as failed and its subscriber is not waited for.
          errors[i] =
            error instanceof Error ? error.message.replace(/\s+/g, ' ').slice(0, 300) : String(error);
        }
      });
      const delivered = owners.map((_, i) => i).filter((i) => errors[i] === undefined);
      const at = await withTimeout(
        Promise.all(delivered.map((i) => received[i]!)),
        LIVE_TIMEOUT_MS,
        'burst subscribers',
      );
      const burst = at.map((t, k) => {
        if (t === null) throw new Error(`the live feed of subscriber ${delivered[k]} ended`);
        return t - starts[delivered[k]!]!;
      });
      const failed = errors.filter((e) => e !== undefined);
      return [
        { mode: 'one event at a time', latencies: sequential, failed: 0 },
        { mode: `${fmt(LIVE)} events at once`, latencies: burst, failed: failed.length, error: failed[0] },
      ];
    } finally {
      // Each feed is suspended at its yield: return() runs its finally (the pub/sub subscription ends).
      await Promise.all(
        iterators.map((it) => withTimeout(it.return!(), 5_000, 'closing a live feed').catch(() => undefined)),
      );
    }
  } finally {
    await n.close();
  }
}

async function bench(kind: TestDatabaseKind, failures: string[]): Promise<void> {
  const where = kind === 'pglite' ? 'PGlite in memory' : 'PostgreSQL (DATABASE_URL), a throw-away schema';
  console.log(`\n=== database: ${where} ===`);
  const rows: FanOutRow[] = [];
  for (const count of RECIPIENTS) rows.push(await fanOut(kind, count, failures));
  console.log(
    '\nfan-out: one gamification.achievement.unlocked event, achievement-unlocked for every recipient in one unit of work, ' +
      'in-app + push (FCM HTTP v1 on a loopback HTTPS peer)',
  );
  printTable(
    [
      'recipients',
      'write s',
      'worker s',
      'total s',
      'last push s',
      'notifications/s',
      'pushes/s',
      'FCM sends',
      'token reqs',
      'rows: runs + items + deliveries',
    ],
    rows.map((r) => [
      fmt(r.recipients),
      seconds(r.writeMs),
      seconds(r.workerMs),
      seconds(r.writeMs + r.workerMs),
      seconds(r.lastPushMs),
      fmt(r.recipients / ((r.writeMs + r.workerMs) / 1000), 1),
      fmt(r.recipients / (r.workerMs / 1000), 1),
      fmt(r.fcmSends),
      fmt(r.tokenRequests),
      r.rowsWritten,
    ]),
  );
  console.log(
    'write: runWorkflow in one transaction + commit + announce (in-app done); worker: sendDue until nothing is due ' +
      '(every push SENT); last push: event to the last FCM answer',
  );
  console.log(
    `\nbaseline (same database, same run): plain INSERT … SELECT FROM unnest, one transaction, scratch copies of the tables; median of ${PLAIN_ROUNDS} runs each`,
  );
  printTable(
    [
      'recipients',
      'fan-out write s',
      'plain N + 2N rows s',
      'fan-out / plain',
      'plain N runs + N + 3N rows s',
      'fan-out / plain',
    ],
    rows.map((r) => [
      fmt(r.recipients),
      seconds(r.writeMs),
      fmt(r.plainMs / 1000, 3),
      `${fmt(r.writeMs / r.plainMs, 1)}×`,
      fmt(r.plainAllMs / 1000, 3),
      `${fmt(r.writeMs / r.plainAllMs, 1)}×`,
    ]),
  );
  const live = await liveInbox(kind);
  for (const row of live) {
    if (row.failed > 0)
      failures.push(
        `${kind}, live inbox, ${row.mode}: ${row.failed} deliveries threw, the first: ${row.error}`,
      );
  }
  console.log(
    `\nlive inbox: ${fmt(LIVE)} subscribers (inbox.subscribe, in-process pub/sub); social.kudos.given through the consumer ` +
      'path (deliver), one per subscriber as workout owner; from just before delivery to the item received',
  );
  printTable(
    ['events', 'received', 'failed', 'p50 ms', 'p95 ms', 'max ms'],
    live.map(({ mode, latencies, failed }) => {
      const sorted = [...latencies].sort((a, b) => a - b);
      const figure = (value: number | undefined) => (value === undefined ? '-' : fmt(value, 2));
      return [
        mode,
        fmt(latencies.length),
        fmt(failed),
        figure(sorted.length ? quantile(sorted, 0.5) : undefined),
        figure(sorted.length ? quantile(sorted, 0.95) : undefined),
        figure(sorted.at(-1)),
      ];
    }),
  );
}

async function main(): Promise<number> {
  const started = performance.now();
  console.log(machineLine());
  console.log(
    `workload: ${RECIPIENTS.map((r) => fmt(r)).join(' and ')} recipients, one ANDROID device each (set-up, not timed in the figures: ` +
      (SETUP === 'bulk'
        ? `Recipient and PushDevice rows by createMany, ${fmt(BULK_ROWS)} a statement`
        : `identity.user.registered through the consumer and devices.register, ${CONCURRENCY} at a time`) +
      `); ${fmt(LIVE)} live subscribers (registered through identity.user.registered)`,
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
