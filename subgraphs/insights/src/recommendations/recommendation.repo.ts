/** Recommendations: advice from one model version on one day, with what made it, and the athlete's answer. */
import type { InsightsTx } from '../insights.prisma';
import type { DayKey } from '../day-key';

export type RecommendationStatus = 'OPEN' | 'ACCEPTED' | 'DISMISSED';

export interface RecommendationRecord {
  id: string;
  userId: string;
  date: string;
  kind: string;
  rule: string;
  /** What it is about beyond the athlete (a gear id); '' for the athlete themselves. */
  subject: string;
  message: string;
  details: Record<string, number | string>;
  modelName: string;
  modelVersion: number;
  inputsHash: string;
  rulesFired: string[];
  status: RecommendationStatus;
  createdAt: Date;
  respondedAt: Date | null;
}

export type RecommendationRepo = ReturnType<typeof createRecommendationRepo>;

const asRecommendation = (row: { status: string; details: unknown }) => row as RecommendationRecord;

export function createRecommendationRepo(db: InsightsTx) {
  return {
    /**
     * Stores the ones new for their (athlete, day, kind, model version); returns those it stored. A rebuild
     * finds the athlete's answers in place: the rows it would write are there already.
     */
    async insertNew(recommendations: readonly RecommendationRecord[]): Promise<RecommendationRecord[]> {
      if (recommendations.length === 0) return [];
      const stored = await db.recommendation.createManyAndReturn({
        data: recommendations.map((r) => ({ ...r })),
        skipDuplicates: true,
        select: { id: true },
      });
      const ids = new Set(stored.map((row) => row.id));
      return recommendations.filter((r) => ids.has(r.id));
    },
    find: async (id: string): Promise<RecommendationRecord | null> => {
      const row = await db.recommendation.findUnique({ where: { id } });
      return row && asRecommendation(row);
    },
    respond: async (id: string, status: RecommendationStatus, at: Date): Promise<RecommendationRecord> =>
      asRecommendation(await db.recommendation.update({ where: { id }, data: { status, respondedAt: at } })),
    /** Up to `limit` of the athlete's recommendations, newest first, after the key [date, id] `after`. */
    page: async (
      userId: string,
      status: RecommendationStatus | null,
      limit: number,
      after: DayKey | null,
    ): Promise<RecommendationRecord[]> =>
      (
        await db.recommendation.findMany({
          where: {
            userId,
            ...(status && { status }),
            ...(after && { OR: [{ date: { lt: after[0] } }, { date: after[0], id: { lt: after[1] } }] }),
          },
          orderBy: [{ date: 'desc' }, { id: 'desc' }],
          take: limit,
        })
      ).map(asRecommendation),
    erase: async (userId: string): Promise<void> =>
      void (await db.recommendation.deleteMany({ where: { userId } })),
  };
}
