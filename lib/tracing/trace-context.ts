/** W3C trace context as a string: the active span's `traceparent`, and the context a `traceparent` continues. */
import {
  context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  ROOT_CONTEXT,
  trace,
  type Context,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

// Events carry a `traceparent` whatever propagator the process registered: always the W3C format.
const w3c = new W3CTraceContextPropagator();

/** The active span's `traceparent` (`00-<trace id>-<span id>-<flags>`), or null outside any span. */
export function currentTraceparent(): string | null {
  const carrier: Record<string, string> = {};
  w3c.inject(context.active(), carrier, defaultTextMapSetter);
  return carrier.traceparent ?? null;
}

/** The context a stored `traceparent` continues (the root context when there is none or it is malformed). */
export function contextOfTraceparent(traceparent: string | null | undefined): Context {
  if (!traceparent) return ROOT_CONTEXT;
  return w3c.extract(ROOT_CONTEXT, { traceparent }, defaultTextMapGetter);
}

/** The trace id of a `traceparent`, or null when it is malformed. */
export function traceIdOf(traceparent: string | null | undefined): string | null {
  return trace.getSpanContext(contextOfTraceparent(traceparent))?.traceId ?? null;
}
