/** Each athlete's form state per day, from their first training day to their last (rest days included). */
import type { FormState } from '../form/form-state';
import type { InsightsTx } from '../insights.prisma';

export type FormDayRepo = ReturnType<typeof createFormDayRepo>;

const state = ({ userId: _userId, ...row }: FormState & { userId: string }): FormState => row;

export function createFormDayRepo(db: InsightsTx) {
  return {
    first: async (userId: string): Promise<FormState | null> => {
      const row = await db.formDay.findFirst({ where: { userId }, orderBy: { date: 'asc' } });
      return row && state(row);
    },
    /** The state of the last stored day on or before `date`. */
    onOrBefore: async (userId: string, date: string): Promise<FormState | null> => {
      const row = await db.formDay.findFirst({
        where: { userId, date: { lte: date } },
        orderBy: { date: 'desc' },
      });
      return row && state(row);
    },
    /** Replaces the athlete's states from `from` on with `states` (which may end earlier: the rest go). */
    async replaceFrom(userId: string, from: string, states: readonly FormState[]): Promise<void> {
      await db.formDay.deleteMany({ where: { userId, date: { gte: from } } });
      if (states.length > 0) await db.formDay.createMany({ data: states.map((s) => ({ userId, ...s })) });
    },
    between: async (userId: string, from: string, to: string): Promise<FormState[]> =>
      (
        await db.formDay.findMany({
          where: { userId, date: { gte: from, lte: to } },
          orderBy: { date: 'asc' },
        })
      ).map(state),
    erase: async (userId: string): Promise<void> => void (await db.formDay.deleteMany({ where: { userId } })),
  };
}
