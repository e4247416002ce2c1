/**
 * Works through pending imports in the background: woken when a file is accepted, and every few seconds
 * anyway (jobs left by a stopped process or another instance). A failure worth retrying (the database was
 * away) is logged and retried at the next poll; the job stays pending, so no accepted upload is lost.
 */
import type { Logger } from '../../../../lib/logging/logger';

export interface ImportWorker {
  wake(): void;
  stop(): Promise<void>;
}

export function startImportWorker(deps: {
  processNext: () => Promise<boolean>;
  logger: Logger;
  pollMs?: number;
}): ImportWorker {
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
        deps.logger.error({ err: error }, 'import failed; retrying at the next poll');
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
