/**
 * What notifications knows of each user (display name, email, time zone, from identity's events) and their
 * settings here (quiet hours, commercial opt-out, digest). A user identity has not told of yet is created
 * with placeholders by the first thing that needs them, and completed when identity's event arrives.
 */
import { randomUUID } from 'node:crypto';
import type { NotificationsTx } from '../notifications.prisma';

export interface RecipientRecord {
  userId: string;
  displayName: string;
  email: string | null;
  timeZone: string;
  quietStartMinute: number | null;
  quietEndMinute: number | null;
  commercialOptOut: boolean;
  emailDigest: boolean;
  unsubscribeToken: string;
}

export type RecipientSettings = Partial<
  Pick<RecipientRecord, 'quietStartMinute' | 'quietEndMinute' | 'commercialOptOut' | 'emailDigest'>
>;

/** Shown for an actor identity never named (or who left). */
export const UNKNOWN_NAME = 'Someone';

export type RecipientRepo = ReturnType<typeof createRecipientRepo>;

export function createRecipientRepo(tx: NotificationsTx) {
  const upsert = (
    userId: string,
    fields: Partial<Pick<RecipientRecord, 'displayName' | 'email' | 'timeZone'>>,
  ) =>
    tx.recipient.upsert({
      where: { userId },
      create: { userId, displayName: UNKNOWN_NAME, unsubscribeToken: randomUUID(), ...fields },
      update: fields,
    });

  async function findAll(userIds: readonly string[]): Promise<Map<string, RecipientRecord>> {
    const rows = await tx.recipient.findMany({ where: { userId: { in: [...userIds] } } });
    return new Map(rows.map((row) => [row.userId, row]));
  }

  async function ensureAll(userIds: readonly string[]): Promise<Map<string, RecipientRecord>> {
    await tx.recipient.createMany({
      data: userIds.map((userId) => ({
        userId,
        displayName: UNKNOWN_NAME,
        unsubscribeToken: randomUUID(),
      })),
      skipDuplicates: true,
    });
    return findAll(userIds);
  }

  return {
    /** identity.user.registered / .updated. */
    async named(userId: string, displayName: string, timeZone: string): Promise<void> {
      await upsert(userId, { displayName, timeZone });
    },
    /** identity.user.email-changed. */
    async emailed(userId: string, email: string): Promise<void> {
      await upsert(userId, { email });
    },
    /** The user's record, created with defaults when identity has not told of them yet (nothing else written). */
    ensure: async (userId: string): Promise<RecipientRecord> => (await ensureAll([userId])).get(userId)!,
    /** `ensure` for many users in two statements. */
    ensureAll,
    findAll,
    find: (userId: string): Promise<RecipientRecord | null> => tx.recipient.findUnique({ where: { userId } }),
    byUnsubscribeToken: (token: string): Promise<RecipientRecord | null> =>
      tx.recipient.findUnique({ where: { unsubscribeToken: token } }),
    async namesOf(userIds: readonly string[]): Promise<Map<string, string>> {
      if (userIds.length === 0) return new Map();
      const rows = await tx.recipient.findMany({
        where: { userId: { in: [...userIds] } },
        select: { userId: true, displayName: true },
      });
      return new Map(rows.map((row) => [row.userId, row.displayName]));
    },
    async change(userId: string, settings: RecipientSettings): Promise<RecipientRecord> {
      await ensureAll([userId]);
      return tx.recipient.update({ where: { userId }, data: settings });
    },
    async forget(userId: string): Promise<void> {
      await tx.recipient.deleteMany({ where: { userId } });
    },
  };
}
