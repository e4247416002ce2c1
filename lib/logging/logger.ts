/** Structured logging (pino) with the request's correlation id and trace id attached to every line. */
import { AsyncLocalStorage } from 'node:async_hooks';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import { pino, type Logger } from 'pino';

const correlation = new AsyncLocalStorage<string>();

export type { Logger };

export function createLogger(level: string, name = 'pulse'): Logger {
  return pino({
    name,
    level,
    mixin: requestLogFields,
  });
}

/** What every log line written inside a request (or event handler) carries: its correlation and trace ids. */
export function requestLogFields(): { correlationId?: string; traceId?: string; spanId?: string } {
  const correlationId = correlation.getStore();
  const span = trace.getActiveSpan()?.spanContext();
  return {
    ...(correlationId && { correlationId }),
    ...(span && isSpanContextValid(span) && { traceId: span.traceId, spanId: span.spanId }),
  };
}

/** Runs `fn` with `id` as the correlation id of every log line written inside it. */
export function withCorrelationId<T>(id: string, fn: () => T): T {
  return correlation.run(id, fn);
}

export function currentCorrelationId(): string | undefined {
  return correlation.getStore();
}
