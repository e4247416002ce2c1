/**
 * One client span per subgraph fetch, and the `traceparent` header that makes the subgraph continue it.
 * Used by SubgraphDataSource (gateway/src/subgraph-data-source.ts).
 */
import { context, propagation, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { endSpanAfter, tracerOf } from '../../../lib/tracing/tracing';

const tracer = tracerOf('pulse.gateway');

/** Runs one subgraph fetch inside a `subgraph.fetch` span (active while the request's headers are built). */
export function traceSubgraphFetch<T extends { errors?: readonly unknown[] }>(
  url: string | undefined,
  fetch: () => Promise<T>,
): Promise<T> {
  return tracer.startActiveSpan(
    'subgraph.fetch',
    { kind: SpanKind.CLIENT, attributes: url ? { 'url.full': url } : {} },
    (span) =>
      endSpanAfter(span, async () => {
        const response = await fetch();
        if (response.errors?.length) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: 'the subgraph answered with errors' });
        }
        return response;
      }),
  );
}

/** Writes the active span's `traceparent` (and `tracestate`) into a subgraph request's headers. */
export function injectTraceContext(headers: { set(name: string, value: string): void }): void {
  propagation.inject(context.active(), headers, { set: (carrier, key, value) => carrier.set(key, value) });
}
