/**
 * A background loop that works through a queue kept in the database: woken when work is added, and every
 * `pollMs` anyway (work left by a stopped process, another instance, or due later). A failure worth retrying
 * (the database was away) is logged and retried at the next poll; the work stays queued, so none is lost.
 */
import type { Logger } from '../logging/logger';

export interface PollingWorker {
  wake(): void;
  stop(): Promise<void>;
}

export function startPollingWorker(deps: {
  /** Does one unit of work; true when there may be more right away. */
  processNext: () => Promise<boolean>;
  logger: Logger;
  /** What the log says failed ("import", "notification delivery"). */
  what: string;
  pollMs?: number;
}): PollingWorker {
  let stopped = false;
  let wakeUp: (() => void) | null = null;
  // Set by a wake that comes while the worker is busy: it looks again instead of sleeping.
  let woken = false;
  const pollMs = deps.pollMs ?? 5_000;

  const sleep = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, pollMs);
      timer.unref();
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    while (!stopped) {
      woken = false;
      try {
        while (!stopped && (await deps.processNext()));
      } catch (error) {
        deps.logger.error({ err: error }, `${deps.what} failed; retrying at the next poll`);
      }
      if (!stopped && !woken) await sleep();
      wakeUp = null;
    }
  })();

  return {
    wake: () => {
      woken = true;
      wakeUp?.();
    },
    async stop() {
      stopped = true;
      wakeUp?.();
      await loop;
    },
  };
}
