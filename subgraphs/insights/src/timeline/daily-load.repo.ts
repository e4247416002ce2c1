/** Daily loads per athlete, day and sport; sport '' holds the day's total over every sport. */
import type { DailyLoadMethod } from '../load/daily-loads';
import type { InsightsTx } from '../insights.prisma';

/** The sport key of a day's total. */
export const ALL_SPORTS = '';

export interface DailyLoadRow {
  userId: string;
  date: string;
  sport: string;
  load: number;
  method: Exclude<DailyLoadMethod, 'NONE'>;
  workouts: number;
}

export type DailyLoadRepo = ReturnType<typeof createDailyLoadRepo>;

export function createDailyLoadRepo(db: InsightsTx) {
  return {
    /** Replaces the athlete's rows of `dates` with `rows`. */
    async replaceDays(
      userId: string,
      dates: readonly string[],
      rows: readonly DailyLoadRow[],
    ): Promise<void> {
      await db.dailyLoad.deleteMany({ where: { userId, date: { in: [...dates] } } });
      if (rows.length > 0) await db.dailyLoad.createMany({ data: [...rows] });
    },

    /** The rows of one sport (or ALL_SPORTS) from `from` to `to`, oldest first: training days only. */
    between: async (userId: string, sport: string, from: string, to: string): Promise<DailyLoadRow[]> =>
      (await db.dailyLoad.findMany({
        where: { userId, sport, date: { gte: from, lte: to } },
        orderBy: { date: 'asc' },
      })) as DailyLoadRow[],

    erase: async (userId: string): Promise<void> =>
      void (await db.dailyLoad.deleteMany({ where: { userId } })),
  };
}
