/** The achievements each athlete unlocked: kept forever, even when the workout that unlocked one is deleted. */
import type { GamificationTx } from '../gamification.prisma';

export interface UnlockedRow {
  code: string;
  workoutId: string | null;
  unlockedAt: Date;
}

export type AchievementRepo = ReturnType<typeof createAchievementRepo>;

export function createAchievementRepo(db: GamificationTx) {
  return {
    async unlockedOf(userId: string): Promise<Map<string, UnlockedRow>> {
      const rows = await db.unlockedAchievement.findMany({ where: { userId } });
      return new Map(
        rows.map((r) => [r.code, { code: r.code, workoutId: r.workoutId, unlockedAt: r.unlockedAt }]),
      );
    },

    /** Stores the unlocks; one already stored stays as it was. */
    async unlock(userId: string, rows: readonly UnlockedRow[]): Promise<void> {
      if (rows.length === 0) return;
      await db.unlockedAchievement.createMany({
        data: rows.map((r) => ({ userId, ...r })),
        skipDuplicates: true,
      });
    },

    async deleteOfUser(userId: string): Promise<void> {
      await db.unlockedAchievement.deleteMany({ where: { userId } });
    },
  };
}
