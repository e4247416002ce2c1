/** Load-spike flags: raised on one day, cleared on a later one, with what raised them. */
import type { InsightsTx } from '../insights.prisma';
import type { DayKey } from '../day-key';

export interface LoadFlagRecord {
  id: string;
  userId: string;
  raisedOn: string;
  clearedOn: string | null;
  method: string;
  modelVersion: string;
  ratio: number;
  acute: number;
  chronic: number;
  parameters: { raiseAbove: number; clearBelow: number; minHistoryDays: number };
}

export type LoadFlagRepo = ReturnType<typeof createLoadFlagRepo>;

const asFlag = (row: Omit<LoadFlagRecord, 'parameters'> & { parameters: unknown }): LoadFlagRecord => ({
  ...row,
  parameters: row.parameters as LoadFlagRecord['parameters'],
});

export function createLoadFlagRepo(db: InsightsTx) {
  return {
    /** The athlete's flag that is still raised, if any. */
    raised: async (userId: string): Promise<LoadFlagRecord | null> => {
      const row = await db.loadFlag.findFirst({ where: { userId, clearedOn: null } });
      return row && asFlag(row);
    },
    insert: async (flag: LoadFlagRecord): Promise<void> => void (await db.loadFlag.create({ data: flag })),
    clear: async (id: string, clearedOn: string): Promise<void> =>
      void (await db.loadFlag.update({ where: { id }, data: { clearedOn } })),
    /** Up to `limit` of the athlete's flags, newest first, after the key [raisedOn, id] `after`. */
    page: async (userId: string, limit: number, after: DayKey | null): Promise<LoadFlagRecord[]> =>
      (
        await db.loadFlag.findMany({
          where: {
            userId,
            ...(after && {
              OR: [{ raisedOn: { lt: after[0] } }, { raisedOn: after[0], id: { lt: after[1] } }],
            }),
          },
          orderBy: [{ raisedOn: 'desc' }, { id: 'desc' }],
          take: limit,
        })
      ).map(asFlag),
    raisedCount: (userId: string): Promise<number> =>
      db.loadFlag.count({ where: { userId, clearedOn: null } }),
    erase: async (userId: string): Promise<void> =>
      void (await db.loadFlag.deleteMany({ where: { userId } })),
  };
}
