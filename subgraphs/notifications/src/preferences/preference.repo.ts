/** A user's stored channel choices per workflow and per category (preference-rules.ts reads them). */
import type { NotificationsTx } from '../notifications.prisma';
import type { Channel } from '../workflows/workflow';
import type { Choices } from './preference-rules';

export type PreferenceRepo = ReturnType<typeof createPreferenceRepo>;

export function createPreferenceRepo(tx: NotificationsTx) {
  return {
    async choicesOf(userId: string): Promise<Choices> {
      const rows = await tx.preference.findMany({ where: { userId } });
      const choices = new Map<string, Map<Channel, boolean>>();
      for (const row of rows) {
        const bySubject = choices.get(row.subject) ?? new Map<Channel, boolean>();
        bySubject.set(row.channel as Channel, row.enabled);
        choices.set(row.subject, bySubject);
      }
      return choices;
    },
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
