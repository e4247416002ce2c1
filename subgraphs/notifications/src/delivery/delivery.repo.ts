/**
 * The delivery log, which is also the queue of email and push: rows QUEUED or DEFERRED until `dueAt`,
 * claimed by a worker for a lease (`claimedUntil`, FOR UPDATE SKIP LOCKED: instances never claim one row
 * twice; a worker that died releases its claims when the lease passes), then settled SENT, FAILED or
 * SKIPPED — or put back DEFERRED for a retry.
 */
import type { NotificationsTx } from '../notifications.prisma';
import type { TimeKey } from '../../../../lib/graphql/time-key';
import type { Channel } from '../workflows/workflow';

export type DeliveryStatus = 'QUEUED' | 'DEFERRED' | 'SENT' | 'FAILED' | 'SKIPPED';

export interface DeliveryRecord {
  id: string;
  notificationId: string;
  userId: string;
  channel: Channel;
  status: DeliveryStatus;
  reason: string | null;
  dueAt: Date;
  attempts: number;
  deviceId: string | null;
  batchKey: string | null;
  sentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A delivery as a workflow run writes it, at `at`. */
export type NewDelivery = Omit<DeliveryRecord, 'attempts' | 'createdAt' | 'updatedAt'> & { at: Date };

export interface Settlement {
  status: DeliveryStatus;
  reason: string | null;
  dueAt?: Date;
  sentAt?: Date | null;
  attempts?: number;
}

const asRecord = <T extends { channel: string; status: string }>(row: T) =>
  row as T & { channel: Channel; status: DeliveryStatus };

export type DeliveryRepo = ReturnType<typeof createDeliveryRepo>;

export function createDeliveryRepo(tx: NotificationsTx) {
  return {
    /** Writes deliveries in one statement whatever their number (one array per column). */
    async add(rows: readonly NewDelivery[]): Promise<void> {
      if (rows.length === 0) return;
      const column = <T>(pick: (row: NewDelivery) => T) => rows.map(pick);
      const instant = (value: Date | null) => value?.toISOString() ?? null;
      await tx.$executeRaw`
        INSERT INTO "Delivery" (id, "notificationId", "userId", channel, status, reason, "dueAt", "deviceId",
                                "batchKey", "sentAt", "createdAt", "updatedAt")
        SELECT id, "notificationId", "userId", channel, status, reason, "dueAt", "deviceId", "batchKey", "sentAt",
               at, at
        FROM unnest(${column((r) => r.id)}::uuid[], ${column((r) => r.notificationId)}::uuid[],
                    ${column((r) => r.userId)}::uuid[], ${column((r) => r.channel)}::text[],
                    ${column((r) => r.status)}::text[], ${column((r) => r.reason)}::text[],
                    ${column((r) => instant(r.dueAt))}::timestamptz[], ${column((r) => r.deviceId)}::uuid[],
                    ${column((r) => r.batchKey)}::text[], ${column((r) => instant(r.sentAt))}::timestamptz[],
                    ${column((r) => instant(r.at))}::timestamptz[])
          AS row(id, "notificationId", "userId", channel, status, reason, "dueAt", "deviceId", "batchKey", "sentAt", at)`;
    },
    /** A delivery of the batch `key` still waiting (it will carry the group's count when it goes). */
    async waitingInBatch(userId: string, channel: Channel, key: string, deviceId: string | null) {
      const row = await tx.delivery.findFirst({
        where: { userId, channel, batchKey: key, deviceId, status: { in: ['QUEUED', 'DEFERRED'] } },
      });
      return row && asRecord(row);
    },
    /**
     * Claims up to `limit` deliveries due at `now` for `leaseMs`; the digest's deliveries of one user are
     * claimed with the first of them (they go out as one mail).
     */
    async claimDue(now: Date, limit: number, leaseMs: number): Promise<DeliveryRecord[]> {
      const until = new Date(now.getTime() + leaseMs);
      const rows = await tx.$queryRaw<DeliveryRecord[]>`
        UPDATE "Delivery" SET "claimedUntil" = ${until}, "updatedAt" = ${now}
        WHERE id IN (
          SELECT id FROM "Delivery"
          WHERE status IN ('QUEUED', 'DEFERRED') AND "dueAt" <= ${now}
            AND ("claimedUntil" IS NULL OR "claimedUntil" <= ${now})
          ORDER BY "dueAt", id
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
        RETURNING id, "notificationId", "userId", channel, status, reason, "dueAt", attempts, "deviceId",
                  "batchKey", "sentAt", "createdAt", "updatedAt"`;
      return rows.map(asRecord);
    },
    /** Records what became of a claimed delivery and releases it. */
    async settle(id: string, settlement: Settlement, at: Date): Promise<void> {
      await tx.delivery.updateMany({
        where: { id },
        data: { ...settlement, claimedUntil: null, updatedAt: at },
      });
    },
    async ofNotifications(ids: readonly string[]): Promise<DeliveryRecord[]> {
      const rows = await tx.delivery.findMany({
        where: { notificationId: { in: [...ids] } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
      return rows.map(asRecord);
    },
    async page(userId: string, take: number, after: TimeKey | null) {
      const rows = await tx.delivery.findMany({
        where: {
          userId,
          ...(after
            ? {
                OR: [
                  { createdAt: { lt: new Date(after.at) } },
                  { createdAt: new Date(after.at), id: { lt: after.id } },
                ],
              }
            : {}),
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take,
      });
      return rows.map(asRecord);
    },
    /** Counts per channel and status (the delivery figures of bench and metrics). */
    async countsByStatus(): Promise<{ channel: string; status: string; count: number }[]> {
      const rows = await tx.delivery.groupBy({ by: ['channel', 'status'], _count: { _all: true } });
      return rows.map((r) => ({ channel: r.channel, status: r.status, count: r._count._all }));
    },
    async forget(userId: string, notificationIds: readonly string[]): Promise<void> {
      await tx.delivery.deleteMany({
        where: { OR: [{ userId }, { notificationId: { in: [...notificationIds] } }] },
      });
    },
  };
}
