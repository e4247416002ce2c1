/**
 * Reads what the injury model is trained on: the athletes who consented to model training, their FormDays
 * after day 28 and their injury reports, a chunk of athletes at a time (a bounded `IN` list per query).
 * The FormDay query lives here rather than on the form-day repository: only training reads many athletes'
 * days at once, and only these seven columns.
 */
import type { InsightsTx } from '../insights.prisma';
import { createAthleteRepo } from '../athletes/athlete.repo';
import { createInjuryReportRepo } from '../injuries/injury-report.repo';
import { injuryExamples, type InjuryExample, type InjuryFormDay } from './injury-examples';
import { INJURY_MODEL } from './injury-model';

/** Athletes per query. */
const CHUNK = 500;

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  );

/** The FormDays after day 28 of the given athletes, by athlete and date. */
export function formDaysOfAthletes(db: InsightsTx, userIds: readonly string[]): Promise<InjuryFormDay[]> {
  return db.formDay.findMany({
    where: { userId: { in: [...userIds] }, day: { gt: INJURY_MODEL.minHistoryDays } },
    select: { userId: true, date: true, day: true, acwrEwma: true, chronic: true, tsb: true, monotony: true },
    orderBy: [{ userId: 'asc' }, { date: 'asc' }],
  });
}

/** The examples of every athlete who consented to model training (injury-examples.ts). */
export async function loadInjuryExamples(db: InsightsTx): Promise<InjuryExample[]> {
  const consenting = (await createAthleteRepo(db).consenting('modelTraining')).map((a) => a.userId);
  const injuries = createInjuryReportRepo(db);
  const examples: InjuryExample[] = [];
  for (const ids of chunks(consenting, CHUNK)) {
    const [days, reports] = await Promise.all([formDaysOfAthletes(db, ids), injuries.ofAthletes(ids)]);
    examples.push(...injuryExamples({ consenting: ids, days, injuries: reports }));
  }
  return examples;
}
