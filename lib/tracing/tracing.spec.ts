import { context, trace } from '@opentelemetry/api';
import { requestLogFields, withCorrelationId } from '../logging/logger';
import { recordSpans } from './span-recorder';
import { contextOfTraceparent, currentTraceparent, traceIdOf } from './trace-context';
import { setUpTracing, tracerOf, tracesUrlOf } from './tracing';

setUpTracing({ serviceName: 'pulse-test', otlpEndpoint: null });
const tracer = tracerOf('pulse.test');

describe('tracing without an exporter', () => {
  it('creates spans that propagate a trace id without recording them', () => {
    tracer.startActiveSpan('unobserved', (span) => {
      expect(span.isRecording()).toBe(false);
      expect(traceIdOf(currentTraceparent())).toBe(span.spanContext().traceId);
      span.end();
    });
  });

  it('records spans while a test recording is open', () => {
    const recording = recordSpans();
    tracer.startActiveSpan('observed', (span) => span.end());
    recording.stop();
    tracer.startActiveSpan('after the recording', (span) => span.end());
    expect(recording.spans().map((s) => s.name)).toEqual(['observed']);
  });
});

describe('traceparent', () => {
  it('is null outside any span, and continues the trace it names', () => {
    expect(currentTraceparent()).toBeNull();
    const parent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    context.with(contextOfTraceparent(parent), () => {
      tracer.startActiveSpan('child', (span) => {
        expect(currentTraceparent()).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
        span.end();
      });
    });
  });

  it('yields no trace id when malformed', () => {
    expect(traceIdOf('not-a-traceparent')).toBeNull();
    expect(traceIdOf(null)).toBeNull();
  });
});

describe('log lines', () => {
  it('carry the correlation id and the active trace id', () => {
    withCorrelationId('req-1', () =>
      tracer.startActiveSpan('request', (span) => {
        const { traceId, spanId } = span.spanContext();
        expect(requestLogFields()).toEqual({ correlationId: 'req-1', traceId, spanId });
        span.end();
      }),
    );
    expect(requestLogFields()).toEqual({});
    expect(trace.getActiveSpan()).toBeUndefined();
  });
});

describe('tracesUrlOf', () => {
  it('appends the OTLP traces path to OTEL_EXPORTER_OTLP_ENDPOINT', () => {
    expect(tracesUrlOf('http://collector:4318')).toBe('http://collector:4318/v1/traces');
    expect(tracesUrlOf('http://collector:4318/')).toBe('http://collector:4318/v1/traces');
  });
});
