/** What insights knows of each athlete (time zone, birth year) and what they consented to. */
import type { InsightsTx } from '../insights.prisma';

export interface AthleteRecord {
  userId: string;
  timeZone: string;
  birthYear: number | null;
  modelTraining: boolean;
  cohortBenchmarks: boolean;
}

export type AthleteRepo = ReturnType<typeof createAthleteRepo>;

const DEFAULTS = { timeZone: 'UTC', birthYear: null, modelTraining: false, cohortBenchmarks: false };

export function createAthleteRepo(db: InsightsTx) {
  const select = {
    userId: true,
    timeZone: true,
    birthYear: true,
    modelTraining: true,
    cohortBenchmarks: true,
  };
  return {
    /** The athlete's row, or the defaults (UTC, no consent) when insights has heard nothing of them yet. */
    of: async (userId: string): Promise<AthleteRecord> =>
      (await db.athlete.findUnique({ where: { userId }, select })) ?? { userId, ...DEFAULTS },

    /** Changes some of the athlete's fields, creating the row with the defaults for the others. */
    update: (userId: string, change: Partial<Omit<AthleteRecord, 'userId'>>): Promise<AthleteRecord> =>
      db.athlete.upsert({
        where: { userId },
        create: { userId, ...DEFAULTS, ...change },
        update: change,
        select,
      }),

    /**
     * Holds the athlete until the transaction ends: their projection (workouts, days, periods, flags) is
     * rewritten by one transaction at a time, whichever workouts' events arrive together.
     */
    lock: async (userId: string): Promise<void> => {
      await db.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(${userId}, 0))`;
    },

    /** Consenting athletes' ids, by consent. */
    consenting: async (consent: 'modelTraining' | 'cohortBenchmarks'): Promise<AthleteRecord[]> =>
      db.athlete.findMany({ where: { [consent]: true }, select, orderBy: { userId: 'asc' } }),

    erase: async (userId: string): Promise<void> => void (await db.athlete.deleteMany({ where: { userId } })),
  };
}
