/**
 * Inbox items and their actors. A grouped item (kudos on one workout, new followers) is found by its key
 * while its group is open, under a transaction-scoped advisory lock on (recipient, key), so that events of
 * one group applied at once join one item instead of opening two.
 */
import { Prisma } from '../__generated__/prisma/client';
import type { NotificationsTx } from '../notifications.prisma';
import type { Category } from '../channels/channel-message';
import type { TimeKey } from '../../../../lib/graphql/time-key';
import type { ItemData } from '../workflows/workflow';

export interface NotificationRecord {
  id: string;
  userId: string;
  workflow: string;
  category: Category;
  groupKey: string | null;
  count: number;
  data: ItemData;
  createdAt: Date;
  updatedAt: Date;
  readAt: Date | null;
  archivedAt: Date | null;
}

export interface NewNotification {
  id: string;
  userId: string;
  workflow: string;
  category: Category;
  groupKey: string | null;
  groupOpenUntil: Date | null;
  data: ItemData;
  at: Date;
  /** Set for an item the recipient turned off in the app: kept (mail and push show it), not in the inbox. */
  archived: boolean;
}

const rowOf = ({ at, data, archived, ...rest }: NewNotification) => ({
  ...rest,
  data: data as Prisma.InputJsonValue,
  createdAt: at,
  updatedAt: at,
  archivedAt: archived ? at : null,
  readAt: archived ? at : null,
});

export type InboxFilter = 'INBOX' | 'UNREAD' | 'ARCHIVED';

/** The newest actors shown on an item. */
export const SHOWN_ACTORS = 8;

const asRecord = (row: {
  id: string;
  userId: string;
  workflow: string;
  category: string;
  groupKey: string | null;
  count: number;
  data: Prisma.JsonValue;
  createdAt: Date;
  updatedAt: Date;
  readAt: Date | null;
  archivedAt: Date | null;
}): NotificationRecord => ({ ...row, category: row.category as Category, data: row.data as ItemData });

const select = {
  id: true,
  userId: true,
  workflow: true,
  category: true,
  groupKey: true,
  count: true,
  data: true,
  createdAt: true,
  updatedAt: true,
  readAt: true,
  archivedAt: true,
} as const;

const whereFilter = (userId: string, filter: InboxFilter): Prisma.NotificationWhereInput =>
  filter === 'ARCHIVED'
    ? { userId, archivedAt: { not: null } }
    : filter === 'UNREAD'
      ? { userId, archivedAt: null, readAt: null }
      : { userId, archivedAt: null };

export type NotificationRepo = ReturnType<typeof createNotificationRepo>;

export function createNotificationRepo(tx: NotificationsTx) {
  return {
    /** The open group of `key` for `userId` at `now`, locked for this transaction; null when none is open. */
    async openGroup(userId: string, key: string, now: Date): Promise<NotificationRecord | null> {
      await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(${`${userId}:${key}`}, 0))`;
      const row = await tx.notification.findFirst({
        where: { userId, groupKey: key, groupOpenUntil: { gt: now }, archivedAt: null },
        orderBy: { createdAt: 'desc' },
        select,
      });
      return row && asRecord(row);
    },
    async create(item: NewNotification): Promise<NotificationRecord> {
      return asRecord(await tx.notification.create({ data: rowOf(item), select }));
    },
    /**
     * New items of many recipients, with their one actor each (none: null): two statements whatever their
     * number (one array per column).
     */
    async createAll(
      items: readonly NewNotification[],
      actorId: string | null,
      actedAt: Date,
    ): Promise<NotificationRecord[]> {
      if (items.length === 0) return [];
      const rows = items.map(rowOf);
      const column = <T>(pick: (row: (typeof rows)[number]) => T) => rows.map(pick);
      const instant = (value: Date | null) => value?.toISOString() ?? null;
      await tx.$executeRaw`
        INSERT INTO "Notification" (id, "userId", workflow, category, "groupKey", "groupOpenUntil", data,
                                    "createdAt", "updatedAt", "readAt", "archivedAt")
        SELECT id, "userId", workflow, category, "groupKey", "groupOpenUntil", data::jsonb, at, at, "readAt",
               "archivedAt"
        FROM unnest(${column((r) => r.id)}::uuid[], ${column((r) => r.userId)}::uuid[],
                    ${column((r) => r.workflow)}::text[], ${column((r) => r.category)}::text[],
                    ${column((r) => r.groupKey)}::text[], ${column((r) => instant(r.groupOpenUntil))}::timestamptz[],
                    ${column((r) => JSON.stringify(r.data))}::text[], ${column((r) => instant(r.createdAt))}::timestamptz[],
                    ${column((r) => instant(r.readAt))}::timestamptz[], ${column((r) => instant(r.archivedAt))}::timestamptz[])
          AS row(id, "userId", workflow, category, "groupKey", "groupOpenUntil", data, at, "readAt", "archivedAt")`;
      if (actorId) {
        await tx.$executeRaw`
          INSERT INTO "NotificationActor" ("notificationId", "actorId", times, "lastAt")
          SELECT unnest(${column((r) => r.id)}::uuid[]), ${actorId}::uuid, 1, ${actedAt}`;
      }
      return rows.map((row) => asRecord({ ...row, count: 1, data: row.data as Prisma.JsonValue }));
    },
    /** One more event joined the item: counted, unread again, first in the inbox. */
    async joined(id: string, at: Date): Promise<NotificationRecord> {
      const row = await tx.notification.update({
        where: { id },
        data: { count: { increment: 1 }, updatedAt: at, readAt: null },
        select,
      });
      return asRecord(row);
    },
    async addActor(notificationId: string, actorId: string, at: Date): Promise<void> {
      await tx.notificationActor.upsert({
        where: { notificationId_actorId: { notificationId, actorId } },
        create: { notificationId, actorId, lastAt: at },
        update: { times: { increment: 1 }, lastAt: at },
      });
    },
    /** Per item: its newest actors (at most 8) and how many different actors it has. */
    async actorsOf(ids: readonly string[]): Promise<Map<string, { actorIds: string[]; actorCount: number }>> {
      const result = new Map(ids.map((id) => [id, { actorIds: [] as string[], actorCount: 0 }]));
      if (ids.length === 0) return result;
      const rows = await tx.$queryRaw<{ notificationId: string; actorId: string; total: bigint }[]>`
        SELECT "notificationId", "actorId", total FROM (
          SELECT "notificationId", "actorId", "lastAt",
                 row_number() OVER (PARTITION BY "notificationId" ORDER BY "lastAt" DESC, "actorId") AS position,
                 count(*) OVER (PARTITION BY "notificationId") AS total
          FROM "NotificationActor" WHERE "notificationId" IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})
        ) ranked WHERE position <= ${SHOWN_ACTORS} ORDER BY "notificationId", position`;
      for (const row of rows) {
        const entry = result.get(row.notificationId)!;
        entry.actorIds.push(row.actorId);
        entry.actorCount = Number(row.total);
      }
      return result;
    },
    async byId(userId: string, id: string): Promise<NotificationRecord | null> {
      const row = await tx.notification.findFirst({ where: { id, userId }, select });
      return row && asRecord(row);
    },
    async byIds(ids: readonly string[]): Promise<NotificationRecord[]> {
      const rows = await tx.notification.findMany({ where: { id: { in: [...ids] } }, select });
      return rows.map(asRecord);
    },
    /** A page, most recently active first, after the cursor key (updatedAt, id). */
    async page(
      userId: string,
      filter: InboxFilter,
      take: number,
      after: TimeKey | null,
    ): Promise<NotificationRecord[]> {
      const base = whereFilter(userId, filter);
      const afterKey: Prisma.NotificationWhereInput | undefined = after
        ? {
            OR: [
              { updatedAt: { lt: new Date(after.at) } },
              { updatedAt: new Date(after.at), id: { lt: after.id } },
            ],
          }
        : undefined;
      const rows = await tx.notification.findMany({
        where: afterKey ? { AND: [base, afterKey] } : base,
        orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
        take,
        select,
      });
      return rows.map(asRecord);
    },
    unreadCount: (userId: string) => tx.notification.count({ where: whereFilter(userId, 'UNREAD') }),
    async markRead(userId: string, ids: readonly string[] | 'all', at: Date): Promise<void> {
      await tx.notification.updateMany({
        where: { userId, readAt: null, ...(ids === 'all' ? {} : { id: { in: [...ids] } }) },
        data: { readAt: at },
      });
    },
    async archive(userId: string, id: string, at: Date): Promise<NotificationRecord | null> {
      const { count } = await tx.notification.updateMany({
        where: { id, userId, archivedAt: null },
        data: { archivedAt: at, readAt: at, groupOpenUntil: null },
      });
      if (count === 0) return null;
      return asRecord(await tx.notification.findUniqueOrThrow({ where: { id }, select }));
    },
    /**
     * Forgets a deleted user: their inbox, and their part in others' items (an item only they caused is
     * removed; a group loses their events from its count and their name from its actors).
     */
    async forget(userId: string): Promise<{ removedFromOthers: string[] }> {
      await tx.$executeRaw`DELETE FROM "NotificationActor" WHERE "notificationId" IN
        (SELECT id FROM "Notification" WHERE "userId" = ${userId}::uuid)`;
      await tx.notification.deleteMany({ where: { userId } });
      // Their events leave the counts of the items they joined; items left with none go.
      await tx.$executeRaw`
        UPDATE "Notification" AS item SET count = item.count - actor.times
        FROM "NotificationActor" AS actor
        WHERE actor."notificationId" = item.id AND actor."actorId" = ${userId}::uuid`;
      await tx.notificationActor.deleteMany({ where: { actorId: userId } });
      const emptied = await tx.notification.findMany({ where: { count: { lte: 0 } }, select: { id: true } });
      await tx.notification.deleteMany({ where: { id: { in: emptied.map((e) => e.id) } } });
      return { removedFromOthers: emptied.map((e) => e.id) };
    },
  };
}
