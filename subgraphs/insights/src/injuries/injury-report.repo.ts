/** Injuries and pain the athletes reported (their own data: no rebuild touches it). */
import type { InsightsTx } from '../insights.prisma';

export interface InjuryReportRecord {
  id: string;
  userId: string;
  date: string;
  bodyArea: string;
  severity: number;
  createdAt: Date;
}

export type InjuryReportRepo = ReturnType<typeof createInjuryReportRepo>;

export function createInjuryReportRepo(db: InsightsTx) {
  return {
    insert: async (report: InjuryReportRecord): Promise<void> =>
      void (await db.injuryReport.create({ data: report })),
    remove: async (userId: string, id: string): Promise<boolean> =>
      (await db.injuryReport.deleteMany({ where: { id, userId } })).count > 0,
    of: (userId: string): Promise<InjuryReportRecord[]> =>
      db.injuryReport.findMany({ where: { userId }, orderBy: [{ date: 'desc' }, { createdAt: 'desc' }] }),
    /** The reports of the given athletes (the consenting ones), for training the injury model. */
    ofAthletes: (userIds: readonly string[]): Promise<InjuryReportRecord[]> =>
      db.injuryReport.findMany({ where: { userId: { in: [...userIds] } }, orderBy: { date: 'asc' } }),
    erase: async (userId: string): Promise<void> =>
      void (await db.injuryReport.deleteMany({ where: { userId } })),
  };
}
