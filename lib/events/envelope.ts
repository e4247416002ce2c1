/** The one envelope every event travels in, built by `createEvent` from the request context. */
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { currentCorrelationId } from '../logging/logger';
import { currentTraceparent } from '../tracing/trace-context';
import type { BusMessage, DeliveredMessage } from './event-bus';
import { EVENT_CONTRACTS, isEventType, topicOf, type EventData, type EventType } from './registry';

const envelopeSchema = z.object({
  id: z.uuid(),
  type: z.string(),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime(),
  aggregateId: z.string().min(1),
  key: z.string().min(1),
  actorId: z.string().nullable(),
  correlationId: z.string().nullable(),
  causationId: z.string().nullable(),
  traceparent: z.string().nullable(),
  data: z.unknown(),
});

export type EventEnvelope<T extends EventType = EventType> = Omit<
  z.infer<typeof envelopeSchema>,
  'type' | 'data'
> & {
  type: T;
  data: EventData<T>;
};

/** Any envelope, narrowed by its `type`. */
export type AnyEvent = { [T in EventType]: EventEnvelope<T> }[EventType];

export interface EventOrigin {
  /** Who caused it: the signed-in user, or null for the system. */
  actorId: string | null;
  /** The event being handled when this one is a consequence of another. */
  causedBy?: Pick<EventEnvelope, 'id' | 'correlationId' | 'traceparent'>;
  /**
   * The event's id when building it again must give the same event (ids derived from what caused it, so
   * that a rebuilt projection republishes events its consumers recognise); a new UUIDv7 otherwise.
   */
  eventId?: string;
}

/** Builds a validated envelope; the key is the aggregate id, so one aggregate's events stay in order. */
export function createEvent<T extends EventType>(
  type: T,
  aggregateId: string,
  data: EventData<T>,
  origin: EventOrigin,
  now: Date = new Date(),
): EventEnvelope<T> {
  const contract = EVENT_CONTRACTS[type];
  return {
    id: origin.eventId ?? uuidv7(),
    type,
    version: contract.version,
    occurredAt: now.toISOString(),
    aggregateId,
    key: aggregateId,
    actorId: origin.actorId,
    correlationId: origin.causedBy?.correlationId ?? currentCorrelationId() ?? null,
    causationId: origin.causedBy?.id ?? null,
    // The active span (the request, or the consumer handling the cause); else the cause's own.
    traceparent: currentTraceparent() ?? origin.causedBy?.traceparent ?? null,
    data: contract.data.parse(data) as EventData<T>,
  };
}

export const EVENT_HEADERS = {
  id: 'x-event-id',
  type: 'x-event-type',
  correlationId: 'x-correlation-id',
} as const;

export function toBusMessage(event: EventEnvelope): BusMessage {
  const headers: Record<string, string> = { [EVENT_HEADERS.id]: event.id, [EVENT_HEADERS.type]: event.type };
  if (event.correlationId) headers[EVENT_HEADERS.correlationId] = event.correlationId;
  if (event.traceparent) headers.traceparent = event.traceparent;
  return { topic: topicOf(event.type), key: event.key, value: JSON.stringify(event), headers };
}

/**
 * Parses and validates a delivered message against the envelope and its type's contract. Returns null
 * for an event type this build does not know (a newer publisher): consumers skip those.
 */
export function parseEvent(message: Pick<DeliveredMessage, 'value'>): AnyEvent | null {
  const envelope = envelopeSchema.parse(JSON.parse(message.value));
  if (!isEventType(envelope.type)) return null;
  const data = EVENT_CONTRACTS[envelope.type].data.parse(envelope.data);
  return { ...envelope, data } as AnyEvent;
}
