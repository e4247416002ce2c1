/**
 * Effectively-once consumption: a consumer records the event id in its context's `InboxEvent` table in
 * the same transaction as the event's effects, so a redelivered event has no second effect.
 *
 *   model InboxEvent {
 *     eventId     String   @db.Uuid
 *     consumer    String
 *     processedAt DateTime @default(now()) @db.Timestamptz(3)
 *     @@id([eventId, consumer])
 *   }
 */
import type { RawSql, TransactionLimits, TransactionalClient } from './raw-sql';

/** Runs `effect` unless `consumer` already processed `eventId`; both in one transaction. */
export async function consumeOnce<Tx extends RawSql>(
  db: TransactionalClient<Tx>,
  consumer: string,
  eventId: string,
  effect: (tx: Tx) => Promise<void>,
  limits?: TransactionLimits,
): Promise<'applied' | 'duplicate'> {
  return db.$transaction(async (tx) => {
    const inserted = await tx.$executeRawUnsafe(
      `INSERT INTO "InboxEvent" ("eventId", "consumer") VALUES ($1::uuid, $2) ON CONFLICT DO NOTHING`,
      eventId,
      consumer,
    );
    if (inserted === 0) return 'duplicate';
    await effect(tx);
    return 'applied';
  }, limits);
}
