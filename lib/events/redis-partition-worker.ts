/**
 * One partition of one topic, handled by the group member that holds its lease: strictly in order, one
 * entry at a time. A worker first re-delivers what the partition's previous holder read and never
 * acknowledged (the partition consumer's pending entries, read from id 0), then reads new entries, each
 * time through a script that checks the lease and reads in one step, so that a member whose lease expired
 * cannot take entries away from the new holder. An entry is acknowledged (XACK) once its handler resolved,
 * or once it was parked on `<topic>.dlq` after its last attempt.
 */
import type Redis from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../logging/logger';
import { dlqMessageOf, succeeds } from './bus-helpers';
import {
  retryDelayMs,
  type BusMessage,
  type DeliveredMessage,
  type MessageHandler,
  type RetryPolicy,
} from './event-bus';
import { deliveredOf, type StreamEntry } from './redis-stream-messages';
import type { StreamWaiter } from './redis-stream-waiter';

/** Entries per read: what a new holder may have to re-deliver after a take-over. */
const BATCH = 100;
/** The pause after a failed read or acknowledgement. */
const RETRY_MS = 1_000;

// KEYS[1]: the partition's lease; KEYS[2]: its stream. ARGV: the member, the group, the consumer, the batch size.
// Nil when the member no longer holds the lease; else {1, entries}, or {0, the last id} when there is nothing new.
const READ_IF_HELD = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return false end
local function read()
  return redis.pcall('XREADGROUP', 'GROUP', ARGV[2], ARGV[3], 'COUNT', ARGV[4], 'STREAMS', KEYS[2], '>')
end
local reply = read()
if type(reply) == 'table' and reply.err then
  if not string.find(reply.err, 'NOGROUP', 1, true) then return reply end
  -- The stream was deleted since the group was created: a new group reads what there is from the start.
  redis.call('XGROUP', 'CREATE', KEYS[2], ARGV[2], '0', 'MKSTREAM')
  reply = read()
end
if reply then return { 1, reply[1][2] } end
local last = redis.call('XREVRANGE', KEYS[2], '+', '-', 'COUNT', 1)[1]
return { 0, last and last[1] or '0-0' }`;

type ReadReply = null | [1, StreamEntry[]] | [0, string];

interface WorkerScripts {
  pulseReadIfHeld(lease: string, stream: string, ...args: (string | number)[]): Promise<ReadReply>;
}

export type WorkerClient = Redis & WorkerScripts;

/** Teaches `client` the read script (sent once, then called by its digest). */
export function withWorkerScripts<C extends Redis>(client: C): C & WorkerScripts {
  client.defineCommand('pulseReadIfHeld', { numberOfKeys: 2, lua: READ_IF_HELD });
  return client as C & WorkerScripts;
}

export interface PartitionWorkerOptions {
  command: WorkerClient;
  waiter: StreamWaiter;
  stream: string;
  lease: string;
  topic: string;
  partition: number;
  group: string;
  member: string;
  handler: MessageHandler;
  retry: RetryPolicy;
  logger: Logger;
  /** Publishes a parked message to its DLQ topic. */
  park(message: BusMessage): Promise<void>;
}

export interface PartitionWorker {
  /** Takes no more entries; resolves once the one in hand is finished (or given up between retries). */
  stop(): Promise<void>;
  /** Stops at once without waiting: the member's connections are being dropped. */
  abandon(): void;
  /** Settles when the worker ended, stopped or because its lease was found lost. */
  readonly done: Promise<void>;
}

export function startPartitionWorker(options: PartitionWorkerOptions): PartitionWorker {
  const { command, stream, topic, partition, group, handler, retry, logger } = options;
  const consumer = `partition-${partition}`;
  const where = { topic, partition, group };
  const stopping = new AbortController();
  const active = () => !stopping.signal.aborted;
  const pause = (ms: number) => succeeds(sleep(ms, undefined, { signal: stopping.signal }));
  const failed = (what: string) => (error: unknown) => {
    // While Redis is away its client has said so once; a message per attempt would only repeat it.
    if (active() && command.status === 'ready') logger.warn({ ...where, err: error }, what);
  };

  // Retries with backoff, then parks on the DLQ. False when given up between retries (stopping): it comes again.
  const handle = async (message: DeliveredMessage): Promise<boolean> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await handler({ ...message, attempt });
        return true;
      } catch (error) {
        if (attempt >= retry.maxAttempts) {
          const parked = dlqMessageOf(message, { error, group, attempts: attempt, failedAt: new Date() });
          while (!(await succeeds(options.park(parked), failed('DLQ unwritable; message kept')))) {
            if (!(await pause(retry.maxDelayMs))) return false;
          }
          logger.error(
            { ...where, err: error, key: message.key, attempts: attempt },
            'message parked on the DLQ',
          );
          return true;
        }
        if (!active()) return false;
        logger.warn({ ...where, err: error, attempt }, 'handler failed, retrying');
        if (!(await pause(retryDelayMs(retry, attempt + 1)))) return false;
      }
    }
  };

  // Handles an entry and acknowledges it; false when the worker stopped before it was acknowledged.
  const settle = async ([id, fields]: StreamEntry): Promise<boolean> => {
    if (!active()) return false;
    if (fields) {
      if (!(await handle(deliveredOf(topic, partition, [id, fields], 1)))) return false;
    } else {
      logger.warn({ ...where, id }, 'a pending entry was trimmed away before it was handled');
    }
    while (!(await succeeds(command.xack(stream, group, id), failed('acknowledgement failed')))) {
      if (!(await pause(RETRY_MS))) return false;
    }
    return true;
  };

  const pendingAfter = async (cursor: string): Promise<StreamEntry[] | null> => {
    try {
      const reply = await command.xreadgroup(
        'GROUP',
        group,
        consumer,
        'COUNT',
        BATCH,
        'STREAMS',
        stream,
        cursor,
      );
      return reply?.[0]?.[1] ?? [];
    } catch (error) {
      // No group (the stream was deleted): nothing is pending; the first read creates the group again.
      if (error instanceof Error && error.message.startsWith('NOGROUP')) return [];
      failed('reading the pending entries failed')(error);
      await pause(RETRY_MS);
      return null;
    }
  };

  const readNew = async (): Promise<ReadReply | undefined> => {
    try {
      return await command.pulseReadIfHeld(options.lease, stream, options.member, group, consumer, BATCH);
    } catch (error) {
      failed('reading the partition failed')(error);
      await pause(RETRY_MS);
      return undefined;
    }
  };

  const run = async () => {
    for (let cursor = '0'; active();) {
      const pending = await pendingAfter(cursor);
      if (pending === null) continue;
      if (pending.length === 0) break;
      for (const entry of pending) {
        if (!(await settle(entry))) return;
        cursor = entry[0];
      }
    }
    while (active()) {
      const reply = await readNew();
      if (reply === undefined) continue;
      if (reply === null) {
        logger.info(where, 'partition lease lost; another member takes over');
        return;
      }
      if (reply[0] === 1) {
        for (const entry of reply[1]) if (!(await settle(entry))) return;
      } else if (active()) {
        // Checked right before waiting: a stop that came during the read had no wait to cancel.
        await options.waiter.until(stream, reply[1]);
      }
    }
  };

  const done = run().catch((error: unknown) =>
    logger.error({ ...where, err: error }, 'partition worker failed'),
  );
  const abandon = () => {
    stopping.abort();
    options.waiter.cancel(stream);
  };
  return {
    async stop() {
      abandon();
      await done;
    },
    abandon,
    done,
  };
}
