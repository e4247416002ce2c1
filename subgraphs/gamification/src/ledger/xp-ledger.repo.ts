/** The append-only XP ledger: credits, corrections and reversals, each with the event that caused it. */
import type { GamificationTx } from '../gamification.prisma';

export type LedgerKind = 'CREDIT' | 'REVERSAL' | 'CORRECTION';

export interface LedgerEntry {
  userId: string;
  workoutId: string;
  causeEventId: string;
  kind: LedgerKind;
  points: number;
  sport: string;
  occurredAt: Date;
}

export type XpLedgerRepo = ReturnType<typeof createXpLedgerRepo>;

export function createXpLedgerRepo(db: GamificationTx) {
  return {
    async append(entry: LedgerEntry): Promise<void> {
      await db.xpLedgerEntry.create({ data: entry });
    },

    /** The workout's net XP and whether it has any row at all (a first credit vs. a correction). */
    async ofWorkout(workoutId: string): Promise<{ net: number; entries: number }> {
      const result = await db.xpLedgerEntry.aggregate({
        where: { workoutId },
        _sum: { points: true },
        _count: { _all: true },
      });
      return { net: result._sum.points ?? 0, entries: result._count._all };
    },

    async totalOf(userId: string): Promise<number> {
      const result = await db.xpLedgerEntry.aggregate({ where: { userId }, _sum: { points: true } });
      return result._sum.points ?? 0;
    },

    async entriesOfWorkout(workoutId: string) {
      return db.xpLedgerEntry.findMany({ where: { workoutId }, orderBy: { id: 'asc' } });
    },

    /** The net XP of each of these workouts (absent: no row), for rebuilding boards a page at a time. */
    async netOf(workoutIds: readonly string[]): Promise<Map<string, number>> {
      if (workoutIds.length === 0) return new Map();
      const groups = await db.xpLedgerEntry.groupBy({
        by: ['workoutId'],
        where: { workoutId: { in: [...workoutIds] } },
        _sum: { points: true },
      });
      return new Map(groups.map((g) => [g.workoutId, g._sum.points ?? 0]));
    },

    async deleteOfUser(userId: string): Promise<void> {
      await db.xpLedgerEntry.deleteMany({ where: { userId } });
    },
  };
}
