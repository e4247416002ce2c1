/** Structured logging (pino) with the request's correlation id attached to every line. */
import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type Logger } from 'pino';

const correlation = new AsyncLocalStorage<string>();

export type { Logger };

export function createLogger(level: string, name = 'pulse'): Logger {
  return pino({
    name,
    level,
    mixin: () => {
      const correlationId = correlation.getStore();
      return correlationId ? { correlationId } : {};
    },
  });
}

/** Runs `fn` with `id` as the correlation id of every log line written inside it. */
export function withCorrelationId<T>(id: string, fn: () => T): T {
  return correlation.run(id, fn);
}

export function currentCorrelationId(): string | undefined {
  return correlation.getStore();
}
