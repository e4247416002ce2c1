/**
 * Waiting for new stream entries without a connection per partition. Each worker of a group member that
 * has read all there is registers here with the last id it saw; one blocking XREAD, on the member's own
 * connection, watches all of them and wakes the workers whose stream grew. When the set of watched streams
 * changes, the read in progress is interrupted (CLIENT UNBLOCK from the command connection) and issued
 * again at once; where that command is not allowed, the change waits for the read's timeout (BLOCK_MS).
 */
import type Redis from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';

/** How long one blocking read waits: also the longest a stop or a change waits without CLIENT UNBLOCK. */
const BLOCK_MS = 1_000;
/** The pause after a failed read, so that an outage is not a busy loop. */
const RETRY_MS = 500;

export interface StreamWaiter {
  /** Resolves once `stream` has an entry after the id `after`, or the wait was cancelled. */
  until(stream: string, after: string): Promise<void>;
  cancel(stream: string): void;
  /** Ends the waits and the read in progress; resolves once the read returned. */
  stop(): Promise<void>;
  /** Stops at once, sending nothing more to Redis (the connection is being dropped). */
  abandon(): void;
}

export function createStreamWaiter(blocking: Redis, command: Redis): StreamWaiter {
  const waiting = new Map<string, { after: string; wake(): void }>();
  let running = true;
  let reading = false;
  let connectionId: number | undefined;
  let idle: (() => void) | undefined;
  blocking.on('close', () => (connectionId = undefined));

  const wake = (stream: string) => {
    const waiter = waiting.get(stream);
    waiting.delete(stream);
    waiter?.wake();
  };
  const wakeAll = () => [...waiting.keys()].forEach(wake);

  const interrupt = () => {
    idle?.();
    if (reading && connectionId !== undefined && running) {
      // An UNBLOCK that reaches Redis before the read it means does nothing: that read then times out.
      command.client('UNBLOCK', connectionId).catch(() => undefined);
    }
  };

  const read = async () => {
    const streams = [...waiting.keys()];
    const ids = streams.map((stream) => waiting.get(stream)!.after);
    try {
      connectionId ??= await blocking.client('ID');
      reading = true;
      const reply = await blocking.xread('COUNT', 1, 'BLOCK', BLOCK_MS, 'STREAMS', ...streams, ...ids);
      for (const [stream] of reply ?? []) wake(stream);
    } catch {
      // The connection failed: each worker looks for itself (its own read reports the outage), then waits again.
      wakeAll();
      if (running) await sleep(RETRY_MS);
    } finally {
      reading = false;
    }
  };

  const loop = (async () => {
    while (running) {
      if (waiting.size > 0) await read();
      else await new Promise<void>((resolve) => (idle = resolve));
      idle = undefined;
    }
  })();

  const halt = () => {
    running = false;
    wakeAll();
    idle?.();
  };

  return {
    until(stream, after) {
      wake(stream);
      if (!running) return Promise.resolve();
      const woken = new Promise<void>((resolve) => waiting.set(stream, { after, wake: resolve }));
      interrupt();
      return woken;
    },
    cancel: wake,
    async stop() {
      const wasReading = reading;
      halt();
      if (wasReading && connectionId !== undefined)
        await command.client('UNBLOCK', connectionId).catch(() => undefined);
      await loop;
    },
    abandon: halt,
  };
}
