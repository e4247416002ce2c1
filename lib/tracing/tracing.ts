/**
 * The process's OpenTelemetry setup: one tracer provider with W3C trace-context propagation and
 * AsyncLocalStorage context, exporting over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set. Without
 * an exporter spans are still created (trace ids flow to subgraphs, events and logs) but not recorded.
 */
import {
  context,
  propagation,
  SpanStatusCode,
  trace,
  TraceFlags,
  type Attributes,
  type Context,
  type Link,
  type Span,
  type SpanKind,
  type Tracer,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  SamplingDecision,
  type Sampler,
  type SamplingResult,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { Config } from '../config/config';
import { spanRecorder } from './span-recorder';

export type TracingConfig = Config['tracing'];

/**
 * Records a span when someone will read it (an exporter, or a test's recording) and follows the
 * caller's decision when the trace came with a parent: unrecorded spans cost next to nothing.
 */
class RecordWhenObservedSampler implements Sampler {
  constructor(private readonly exporting: boolean) {}

  shouldSample(
    parentContext: Context,
    _traceId: string,
    _spanName: string,
    _spanKind: SpanKind,
    _attributes: Attributes,
    _links: Link[],
  ): SamplingResult {
    const parent = trace.getSpanContext(parentContext);
    const observed = this.exporting || spanRecorder.active;
    const sampled = parent
      ? (parent.traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED || spanRecorder.active
      : observed;
    return { decision: sampled ? SamplingDecision.RECORD_AND_SAMPLED : SamplingDecision.NOT_RECORD };
  }

  toString(): string {
    return 'RecordWhenObservedSampler';
  }
}

let provider: BasicTracerProvider | null = null;

/** OTEL_EXPORTER_OTLP_ENDPOINT is the collector's base URL: traces go to `<endpoint>/v1/traces`. */
export function tracesUrlOf(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/v1/traces`;
}

/**
 * Sets tracing up for this process, once: the first server to start (gateway or subgraph) configures
 * it, later calls change nothing (every server of one process shares its provider).
 */
export function setUpTracing(config: TracingConfig): void {
  if (provider) return;
  const spanProcessors: SpanProcessor[] = [spanRecorder];
  if (config.otlpEndpoint) {
    spanProcessors.push(
      new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrlOf(config.otlpEndpoint) })),
    );
  }
  provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.serviceName }),
    sampler: new RecordWhenObservedSampler(Boolean(config.otlpEndpoint)),
    spanProcessors,
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
}

/** Sends the spans still buffered to the exporter (on shutdown). */
export async function flushTracing(): Promise<void> {
  await provider?.forceFlush();
}

/** A tracer named after the server or module that starts the spans (`pulse.gateway`, `pulse.subgraph.training`). */
export function tracerOf(name: string): Tracer {
  return trace.getTracer(name);
}

/** Runs `work`, then ends `span`; a failure is recorded on the span (exception, ERROR status) and rethrown. */
export async function endSpanAfter<T>(span: Span, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}
