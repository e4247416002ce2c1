/** Spans around event handling: a consumer continues the trace of the request that published the event. */
import { context, SpanKind, trace } from '@opentelemetry/api';
import { contextOfTraceparent } from './trace-context';
import { endSpanAfter, tracerOf } from './tracing';

export interface ConsumedEvent {
  id: string;
  type: string;
  traceparent: string | null;
}

/** Runs `handle` inside a consumer span, child of the span that published `event` (a root span without one). */
export async function inEventSpan<T>(
  topic: string,
  event: ConsumedEvent,
  handle: () => Promise<T>,
): Promise<T> {
  const parent = contextOfTraceparent(event.traceparent);
  const span = tracerOf('pulse.events').startSpan(
    `event.consume ${event.type}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.operation.type': 'process',
        'messaging.destination.name': topic,
        'messaging.message.id': event.id,
        'pulse.event.type': event.type,
      },
    },
    parent,
  );
  return endSpanAfter(span, () => context.with(trace.setSpan(parent, span), handle));
}
