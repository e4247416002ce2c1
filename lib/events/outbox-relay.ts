/**
 * Publishes a context's pending outbox rows to the bus, in order per key, and marks them sent.
 *
 * Each tick claims up to `batchSize` unsent rows with FOR UPDATE SKIP LOCKED (so several relay instances
 * can run), publishes, marks them sent and commits. A crash between publishing and committing leaves the
 * rows unsent: they are published again (consumers' inboxes absorb the duplicate). A key is published
 * only from its oldest unsent row on: rows of a key that another instance holds wait for the next tick.
 * While the bus is down, ticks back off exponentially up to 30 s.
 */
import { Gauge } from 'prom-client';
import type { Logger } from '../logging/logger';
import { metricsRegistry } from '../metrics';
import { toBusMessage, type EventEnvelope } from './envelope';
import type { BusMessage, EventBus } from './event-bus';
import type { RawSql, RawSqlClient } from './raw-sql';

const pending = new Gauge({
  name: 'pulse_outbox_pending_events',
  help: 'Outbox rows not yet published, per context.',
  labelNames: ['context'],
  registers: [metricsRegistry],
});
const lag = new Gauge({
  name: 'pulse_outbox_lag_seconds',
  help: 'Age of the oldest unpublished outbox row, per context (0 when none).',
  labelNames: ['context'],
  registers: [metricsRegistry],
});

interface ClaimedRow {
  sequence: string;
  key: string;
  /** The envelope (jsonb: an object, or its text with some drivers). */
  payload: unknown;
}

export interface OutboxRelayOptions {
  context: string;
  db: RawSqlClient;
  bus: EventBus;
  logger: Logger;
  batchSize?: number;
  /** How long an idle relay waits before looking again (a `notify()` cuts it short). */
  idleMs?: number;
  /** A publish taking longer counts as failed (the claim is released; the rows go again later). */
  publishTimeoutMs?: number;
}

export interface OutboxRelay {
  /** Publishes what is pending now: one tick; returns how many rows it published. */
  tick(): Promise<number>;
  /** Wakes an idle relay (call after a commit that wrote outbox rows). */
  notify(): void;
  stop(): Promise<void>;
}

const MAX_BACKOFF_MS = 30_000;
/** Sent rows are kept this long (for inspection), then purged; the bus keeps its own retention. */
export const SENT_RETENTION_DAYS = 7;
const PURGE_EVERY_MS = 60_000;
const MEASURE_EVERY_MS = 1_000;

// An idempotent Kafka producer retries forever while brokers are down; the relay must not hold its
// transaction (and row locks) that long. A publish that does land later is a duplicate the inboxes absorb.
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`publishing took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** `work`, run at most once per `ms`: calls within that time do nothing. */
function atMostEvery(ms: number, work: () => Promise<void>): () => Promise<void> {
  let last = 0;
  return async () => {
    if (Date.now() - last < ms) return;
    last = Date.now();
    await work();
  };
}

function toMessage(row: ClaimedRow): BusMessage {
  return toBusMessage(
    (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as EventEnvelope,
  );
}

/** The claimed rows that may go now: for each key, the run that starts at the key's oldest unsent row. */
async function publishable(tx: RawSql, claimed: ClaimedRow[]): Promise<ClaimedRow[]> {
  const keys = [...new Set(claimed.map((r) => r.key))];
  const unsent = await tx.$queryRawUnsafe<{ key: string; sequence: string }[]>(
    `SELECT "key", "sequence"::text AS "sequence" FROM "OutboxEvent"
      WHERE "sentAt" IS NULL AND "key" = ANY($1::text[]) ORDER BY "OutboxEvent"."sequence"`,
    keys,
  );
  const claimedSequences = new Set(claimed.map((r) => r.sequence));
  const allowed = new Set<string>();
  const blocked = new Set<string>();
  for (const row of unsent) {
    if (blocked.has(row.key)) continue;
    if (claimedSequences.has(row.sequence)) allowed.add(row.sequence);
    else blocked.add(row.key);
  }
  return claimed.filter((r) => allowed.has(r.sequence));
}

export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { db, bus, logger, context } = options;
  const batchSize = options.batchSize ?? 100;
  const idleMs = options.idleMs ?? 250;
  const publishTimeoutMs = options.publishTimeoutMs ?? 15_000;
  let running = true;
  let wake: (() => void) | null = null;

  // Whether anything waits: one statement outside a transaction, where a tick's transaction is three round
  // trips. What an idle relay asks when its wait ran out with no notify() (most looks of a quiet context).
  const anyUnsent = async () =>
    (await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "OutboxEvent" WHERE "sentAt" IS NULL LIMIT 1`))
      .length > 0;

  const tick = () =>
    db.$transaction(async (tx) => {
      const claimed = await tx.$queryRawUnsafe<ClaimedRow[]>(
        `SELECT "sequence"::text AS "sequence", "key", "payload"
           FROM "OutboxEvent" WHERE "sentAt" IS NULL ORDER BY "OutboxEvent"."sequence" LIMIT $1 FOR UPDATE SKIP LOCKED`,
        batchSize,
      );
      if (claimed.length === 0) return 0;
      const rows = await publishable(tx, claimed);
      if (rows.length === 0) return 0;
      await withTimeout(bus.publish(rows.map(toMessage)), publishTimeoutMs);
      await tx.$executeRawUnsafe(
        `UPDATE "OutboxEvent" SET "sentAt" = now() WHERE "sequence" = ANY($1::bigint[])`,
        rows.map((r) => r.sequence),
      );
      return rows.length;
    });

  // The backlog gauges are read once a second, not on every tick.
  const measure = atMostEvery(MEASURE_EVERY_MS, async () => {
    const [row] = await db.$queryRawUnsafe<{ count: string; oldest: Date | null }[]>(
      `SELECT count(*)::text AS "count", min("occurredAt") AS "oldest" FROM "OutboxEvent" WHERE "sentAt" IS NULL`,
    );
    pending.set({ context }, Number(row?.count ?? 0));
    lag.set({ context }, row?.oldest ? Math.max(0, (Date.now() - new Date(row.oldest).getTime()) / 1000) : 0);
  });

  const purgeSent = atMostEvery(PURGE_EVERY_MS, async () => {
    await db.$executeRawUnsafe(
      `DELETE FROM "OutboxEvent" WHERE "sentAt" < now() - make_interval(days => $1)`,
      SENT_RETENTION_DAYS,
    );
  });

  /** Waits `ms`; true when a notify() (or stop) cut the wait short. */
  const sleep = (ms: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => done(false), ms);
      function done(woken: boolean) {
        clearTimeout(timer);
        wake = null;
        resolve(woken);
      }
      wake = () => done(true);
    });

  const loop = (async () => {
    let failures = 0;
    // The last tick published nothing and no notify() came since: look before opening a transaction.
    let idle = false;
    while (running) {
      try {
        const published: number = idle && !(await anyUnsent()) ? 0 : await tick();
        await measure();
        await purgeSent();
        failures = 0;
        idle = published === 0 && running && !(await sleep(idleMs));
      } catch (error) {
        idle = false;
        failures += 1;
        const delay = Math.min(idleMs * 2 ** failures, MAX_BACKOFF_MS);
        logger.warn({ err: error, context, retryInMs: delay }, 'outbox relay could not publish; backing off');
        if (running) await sleep(delay);
      }
    }
  })();

  return {
    tick,
    notify: () => wake?.(),
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}
