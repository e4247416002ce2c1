/** A user's stored channel choices per workflow and per category (preference-rules.ts reads them). */
import type { NotificationsTx } from '../notifications.prisma';
import type { Channel } from '../workflows/workflow';
import type { Choices } from './preference-rules';

export type PreferenceRepo = ReturnType<typeof createPreferenceRepo>;

export function createPreferenceRepo(tx: NotificationsTx) {
  async function choicesOfAll(userIds: readonly string[]): Promise<Map<string, Choices>> {
    const all = new Map(userIds.map((userId) => [userId, new Map<string, Map<Channel, boolean>>()]));
    const rows = await tx.preference.findMany({ where: { userId: { in: [...userIds] } } });
    for (const row of rows) {
      const choices = all.get(row.userId)!;
      const bySubject = choices.get(row.subject) ?? new Map<Channel, boolean>();
      bySubject.set(row.channel as Channel, row.enabled);
      choices.set(row.subject, bySubject);
    }
    return all;
  }

  return {
    async choicesOf(userId: string): Promise<Choices> {
      return (await choicesOfAll([userId])).get(userId)!;
    },
    /** Each user's choices (empty for a user with none), in one query. */
    choicesOfAll,
    /** Stores a choice, or (enabled null) removes it so that the next rule decides. */
    async set(userId: string, subject: string, channel: Channel, enabled: boolean | null): Promise<void> {
      if (enabled === null) {
        await tx.preference.deleteMany({ where: { userId, subject, channel } });
        return;
      }
      await tx.preference.upsert({
        where: { userId_subject_channel: { userId, subject, channel } },
        create: { userId, subject, channel, enabled },
        update: { enabled },
      });
    },
    async forget(userId: string): Promise<void> {
      await tx.preference.deleteMany({ where: { userId } });
    },
  };
}
