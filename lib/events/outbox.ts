/**
 * Transactional outbox: events are rows written in the same transaction as the state change they
 * describe, and published later by the relay. Each publishing context has an `OutboxEvent` table:
 *
 *   model OutboxEvent {
 *     sequence   BigInt    @id @default(autoincrement())
 *     id         String    @unique @db.Uuid
 *     topic      String
 *     key        String
 *     type       String
 *     payload    Json
 *     occurredAt DateTime  @db.Timestamptz(3)
 *     sentAt     DateTime? @db.Timestamptz(3)
 *     @@index([sentAt, sequence])
 *   }
 *
 * Rule that keeps one aggregate's events in order: write (or lock) the aggregate's row before its outbox
 * rows, so two transactions on one aggregate take their outbox sequence numbers one after the other.
 */
import type { InputJsonValue } from '@prisma/client/runtime/client';
import type { EventEnvelope } from './envelope';
import { topicOf } from './registry';

export interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  type: string;
  payload: InputJsonValue;
  occurredAt: Date;
}

/** The rows to insert for these events. */
function outboxRows(events: readonly EventEnvelope[]): OutboxRow[] {
  return events.map((event) => ({
    id: event.id,
    topic: topicOf(event.type),
    key: event.key,
    type: event.type,
    payload: event as unknown as InputJsonValue,
    occurredAt: new Date(event.occurredAt),
  }));
}

/** Writes events into a context's outbox, inside the caller's transaction (part of every context's repos). */
export interface OutboxWriter {
  write(events: readonly EventEnvelope[]): Promise<void>;
}

/**
 * The outbox writer of a transaction client (any context's: each has an `OutboxEvent` table). An event whose
 * id is in the outbox already is that event again (insights derives ids when it rebuilds its projections):
 * it is not written twice.
 */
export function createOutboxWriter(tx: {
  outboxEvent: { createMany(args: { data: OutboxRow[]; skipDuplicates: boolean }): Promise<unknown> };
}): OutboxWriter {
  return {
    async write(events) {
      if (events.length > 0)
        await tx.outboxEvent.createMany({ data: outboxRows(events), skipDuplicates: true });
    },
  };
}
