/**
 * The period summaries read model: an athlete's totals per ISO week or calendar month and per sport (''
 * for every sport together). A projection of the workouts: recomputePeriods rewrites a period whole.
 */
import type { InsightsTx } from '../insights.prisma';
import type { PeriodFigures, SportFigures } from './period-totals';
import type { SummaryPeriod } from './periods';

export interface PeriodSummaryRow extends PeriodFigures {
  userId: string;
  period: SummaryPeriod;
  /** The period's first day: a Monday, or the 1st of a month. */
  start: string;
  sport: string;
}

/** What a cohort needs of one athlete's week in one sport. */
export interface WeekDistanceRow {
  userId: string;
  sport: string;
  distanceMeters: number;
}

export type PeriodSummaryRepo = ReturnType<typeof createPeriodSummaryRepo>;

export function createPeriodSummaryRepo(db: InsightsTx) {
  return {
    /** Replaces the athlete's rows of one period (every sport) with `rows`; no rows leaves the period empty. */
    async replace(userId: string, period: SummaryPeriod, start: string, rows: readonly SportFigures[]) {
      await db.periodSummary.deleteMany({ where: { userId, period, start } });
      if (rows.length > 0) {
        await db.periodSummary.createMany({ data: rows.map((row) => ({ ...row, userId, period, start })) });
      }
    },

    /** The athlete's rows of one sport (or ALL_SPORTS) whose start lies from `from` to `to`, oldest first. */
    list: async (
      userId: string,
      period: SummaryPeriod,
      sport: string,
      from: string,
      to: string,
    ): Promise<PeriodSummaryRow[]> =>
      (await db.periodSummary.findMany({
        where: { userId, period, sport, start: { gte: from, lte: to } },
        orderBy: { start: 'asc' },
      })) as PeriodSummaryRow[],

    /** Every athlete's distance per sport in the week starting `week` (totals left out), by sport then athlete. */
    weekDistances: (week: string): Promise<WeekDistanceRow[]> =>
      db.periodSummary.findMany({
        where: { period: 'WEEK', start: week, sport: { not: '' } },
        select: { userId: true, sport: true, distanceMeters: true },
        orderBy: [{ sport: 'asc' }, { userId: 'asc' }],
      }),

    erase: async (userId: string): Promise<void> =>
      void (await db.periodSummary.deleteMany({ where: { userId } })),
  };
}
