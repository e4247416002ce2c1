/** Graceful shutdown: on SIGINT or SIGTERM, stop everything once, then exit. */
import type { Logger } from '../logging/logger';

/** How long a shutdown may take before the process exits anyway. */
export const SHUTDOWN_TIMEOUT_MS = 15_000;

export function stopOnSignals(stop: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    // One Ctrl+C can arrive twice (the terminal signals the whole process group and tsx relays it to
    // its child): repeats are ignored, so they cannot cut the shutdown short.
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error({ timeoutMs: SHUTDOWN_TIMEOUT_MS }, 'shutdown timed out, exiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    stop().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** Stops servers in reverse start order, continuing past failures and reporting the first. */
export async function stopAll(stoppers: (() => Promise<void>)[]): Promise<void> {
  let first: unknown;
  for (const stop of [...stoppers].reverse()) {
    try {
      await stop();
    } catch (error) {
      first ??= error;
    }
  }
  if (first) throw first;
}
