/**
 * The in-memory hook for tests: a span processor installed on every tracer provider that hands finished
 * spans to the recordings in progress. With no recording open it does nothing, and the sampler
 * (tracing.ts) does not even record spans unless a recording or an exporter wants them.
 */
import type { Context } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan, type SpanProcessor } from '@opentelemetry/sdk-trace-base';

export interface SpanRecording {
  /** The spans finished since the recording started, in the order they ended. */
  spans(): ReadableSpan[];
  stop(): void;
}

class SpanRecorder implements SpanProcessor {
  private readonly exporters = new Set<InMemorySpanExporter>();

  get active(): boolean {
    return this.exporters.size > 0;
  }

  start(): SpanRecording {
    const exporter = new InMemorySpanExporter();
    this.exporters.add(exporter);
    return {
      spans: () => exporter.getFinishedSpans(),
      stop: () => {
        this.exporters.delete(exporter);
      },
    };
  }

  onStart(_span: unknown, _parentContext: Context): void {}

  onEnd(span: ReadableSpan): void {
    for (const exporter of this.exporters) exporter.export([span], () => undefined);
  }

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {
    this.exporters.clear();
  }
}

/** The process-wide recorder the tracer provider feeds. */
export const spanRecorder = new SpanRecorder();

/** Starts recording every span this process finishes (tests); call `stop()` when done. */
export function recordSpans(): SpanRecording {
  return spanRecorder.start();
}
