/** Graceful shutdown: on SIGINT or SIGTERM, stop everything once, then exit. */
import type { Logger } from '../logging/logger';

export function stopOnSignals(stop: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
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
