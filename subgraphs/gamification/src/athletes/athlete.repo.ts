/** Per-athlete state of gamification: settings (time zone) and the highest level reached. */
import type { GamificationTx } from '../gamification.prisma';

export const DEFAULT_TIME_ZONE = 'UTC';

export type AthleteRepo = ReturnType<typeof createAthleteRepo>;

export function createAthleteRepo(db: GamificationTx) {
  return {
    /**
     * Locks the athlete's level row (creating it) until the transaction ends and gives the highest level
     * reached: one athlete's XP and achievement updates run one after the other.
     */
    async lock(userId: string): Promise<number> {
      const rows = await db.$queryRaw<{ highestLevel: number }[]>`
        INSERT INTO "AthleteLevel" ("userId", "updatedAt") VALUES (${userId}::uuid, now())
        ON CONFLICT ("userId") DO UPDATE SET "updatedAt" = now()
        RETURNING "highestLevel"`;
      return rows[0]?.highestLevel ?? 1;
    },

    async setHighestLevel(userId: string, level: number): Promise<void> {
      await db.athleteLevel.update({ where: { userId }, data: { highestLevel: level } });
    },

    async timeZoneOf(userId: string): Promise<string> {
      const row = await db.athleteSettings.findUnique({ where: { userId } });
      return row?.timeZone ?? DEFAULT_TIME_ZONE;
    },

    /** The time zone of each of these athletes (the default for those without settings). */
    async timeZonesOf(userIds: readonly string[]): Promise<Map<string, string>> {
      const rows =
        userIds.length === 0
          ? []
          : await db.athleteSettings.findMany({ where: { userId: { in: [...userIds] } } });
      const zones = new Map(rows.map((row) => [row.userId, row.timeZone]));
      return new Map(userIds.map((userId) => [userId, zones.get(userId) ?? DEFAULT_TIME_ZONE]));
    },

    async setTimeZone(userId: string, timeZone: string): Promise<void> {
      await db.athleteSettings.upsert({
        where: { userId },
        create: { userId, timeZone },
        update: { timeZone },
      });
    },

    async deleteOfUser(userId: string): Promise<void> {
      await db.athleteSettings.deleteMany({ where: { userId } });
      await db.athleteLevel.deleteMany({ where: { userId } });
    },
  };
}
