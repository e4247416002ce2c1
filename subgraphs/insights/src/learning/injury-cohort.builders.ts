/**
 * Writes a synthetic cohort (models/synthetic-cohort.ts) into an insights database for the trainer's
 * integration test: Athlete rows with or without consent, FormDay rows, and InjuryReport rows drawn so that
 * the stored labels follow the cohort's hidden rule. A report is dated the day after each day with the
 * daily hazard h = 1 − (1 − p)^(1/7), p that day's hidden probability: with slowly moving form, the chance of
 * a report in (day, day + 7] is then close to p. Athletes and reports go in with createMany; the FormDays,
 * tens of thousands of rows, with one INSERT … SELECT FROM unnest(…) (as training's telemetry samples):
 * createMany spends most of a second per thousand rows building its query, six times the statement's cost.
 */
import { derivedId } from '../derived-id';
import { addDays } from '../form/calendar-days';
import type { InsightsPrisma } from '../insights.prisma';
import { createSeededRandom } from '../models/seeded-random';
import { syntheticCohort, type SyntheticForm } from '../models/synthetic-cohort';

export interface CohortOptions {
  athletes: number;
  days: number;
  seed: number;
  /** 'none': no Athlete row at all (insights' default is no consent). */
  consent: 'modelTraining' | 'cohortBenchmarksOnly' | 'none';
  /** Changes every FormDay before it is written (the outliers). */
  change?: (form: SyntheticForm) => SyntheticForm;
}

export interface WrittenCohort {
  userIds: string[];
  /** The hidden probability of each written day, by `${userId} ${date}`. */
  hiddenProbability: Map<string, number>;
}

const COLUMNS = [
  'userId',
  'date',
  'day',
  'load',
  'acute',
  'chronic',
  'ctl',
  'atl',
  'tsb',
  'acwrEwma',
  'monotony',
  'strain',
] as const;
const TYPES = ['uuid[]', 'text[]', 'int4[]', ...COLUMNS.slice(3).map(() => 'float8[]')];
const INSERT_FORM_DAYS = `
  INSERT INTO "FormDay" (${COLUMNS.map((column) => `"${column}"`).join(', ')})
  SELECT * FROM unnest(${COLUMNS.map((_, i) => `$${i + 1}::${TYPES[i]}`).join(', ')})`;

type FormDayRow = SyntheticForm & { userId: string };

const insertFormDays = (db: InsightsPrisma, rows: readonly FormDayRow[]) =>
  db.$executeRawUnsafe(INSERT_FORM_DAYS, ...COLUMNS.map((column) => rows.map((row) => row[column])));

/** Writes the cohort; `reports: 'every day'` reports an injury on each of its days instead of drawing them. */
export async function writeInjuryCohort(
  db: InsightsPrisma,
  options: CohortOptions,
  reports: 'drawn' | 'every day' = 'drawn',
): Promise<WrittenCohort> {
  const random = createSeededRandom(options.seed ^ 0x5eed);
  const userIdOf = (athleteId: string) => derivedId('test-cohort', options.seed, athleteId);
  const change = options.change ?? ((form: SyntheticForm) => form);
  const rows = syntheticCohort(options).map((row) => ({
    ...row,
    form: { ...change(row.form), userId: userIdOf(row.athleteId) },
  }));
  const userIds = [...new Set(rows.map((row) => row.form.userId))];

  if (options.consent !== 'none') {
    const modelTraining = options.consent === 'modelTraining';
    await db.athlete.createMany({
      data: userIds.map((userId) => ({ userId, modelTraining, cohortBenchmarks: !modelTraining })),
    });
  }
  await insertFormDays(
    db,
    rows.map((row) => row.form),
  );
  const reported = rows.filter(
    (row) => reports === 'every day' || random.uniform() < 1 - (1 - row.injuryProbability) ** (1 / 7),
  );
  await db.injuryReport.createMany({
    data: reported.map(({ form: { userId, date } }) => {
      const reportedOn = reports === 'every day' ? date : addDays(date, 1);
      return {
        id: derivedId('test-injury', userId, reportedOn),
        userId,
        date: reportedOn,
        bodyArea: 'KNEE',
        severity: 3,
        createdAt: new Date(0),
      };
    }),
  });
  return {
    userIds,
    hiddenProbability: new Map(
      rows.map((row) => [`${row.form.userId} ${row.form.date}`, row.injuryProbability]),
    ),
  };
}
