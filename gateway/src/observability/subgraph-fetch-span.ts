/**
 * One client span per subgraph fetch, and the `traceparent` header that makes the subgraph continue it.
 * Used by SubgraphDataSource (gateway/src/subgraph-data-source.ts). The span is not made the active one
 * (that would cost an AsyncLocalStorage run per fetch): the fetch is handed its trace context instead.
 */
import { context, propagation, SpanKind, SpanStatusCode, trace, type Context } from '@opentelemetry/api';
import { endSpanAfter, tracerOf } from '../../../lib/tracing/tracing';

const tracer = tracerOf('pulse.gateway');

/** Runs one subgraph fetch inside a `subgraph.fetch` span, giving it the span's trace context. */
export function traceSubgraphFetch<T extends { errors?: readonly unknown[] }>(
  url: string | undefined,
  fetch: (traceContext: Context) => Promise<T>,
): Promise<T> {
  const span = tracer.startSpan('subgraph.fetch', {
    kind: SpanKind.CLIENT,
    attributes: url ? { 'url.full': url } : {},
  });
  return endSpanAfter(span, async () => {
    const response = await fetch(trace.setSpan(context.active(), span));
    if (response.errors?.length) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: 'the subgraph answered with errors' });
    }
    return response;
  });
}

/** Writes a trace context's `traceparent` (and `tracestate`) into a subgraph request's headers. */
export function injectTraceContext(
  headers: { set(name: string, value: string): void },
  traceContext: Context = context.active(),
): void {
  propagation.inject(traceContext, headers, { set: (carrier, key, value) => carrier.set(key, value) });
}
