/**
 * In-memory repositories with the behaviour of the real ones, for unit tests of the insights services: the
 * same filters, orders, keyset pages and unique keys, rows copied in and out as a database would. Only what
 * the services reach (the projection included) is faked; any other method throws, so a service that starts
 * calling one fails its spec instead of reading behaviour nobody wrote.
 */
import type { InTransaction } from '../../../lib/db/unit-of-work';
import type { EventEnvelope } from '../../../lib/events/envelope';
import type { OutboxWriter } from '../../../lib/events/outbox';
import type { AthleteRecord, AthleteRepo } from './athletes/athlete.repo';
import type { GearWearRepo } from './athletes/gear-wear.repo';
import type { DayKey } from './day-key';
import type { LoadFlagRecord, LoadFlagRepo } from './flags/load-flag.repo';
import type { FormState } from './form/form-state';
import type { InjuryReportRecord, InjuryReportRepo } from './injuries/injury-report.repo';
import type { InsightsRepos } from './insights.repos';
import type { GearUse } from './models/rule-model';
import type { RecommendationRecord, RecommendationRepo } from './recommendations/recommendation.repo';
import type { ModelRegistryRepo, ModelVersionRecord } from './registry/model-registry.repo';
import type { CohortBenchmarkRepo, CohortBenchmarkRow } from './summaries/cohort-benchmark.repo';
import type { PeriodSummaryRepo, PeriodSummaryRow } from './summaries/period-summary.repo';
import type { DailyLoadRepo, DailyLoadRow } from './timeline/daily-load.repo';
import type { FormDayRepo } from './timeline/form-day.repo';
import type { InsightsWorkout, WorkoutRepo } from './workouts/workout.repo';

/** A method no insights service reaches. */
const unreached = (method: string) => async (): Promise<never> => {
  throw new Error(`${method} is not faked: no insights service calls it.`);
};

/** What a database hands back: a copy, never the stored row. */
const copy = <T>(row: T): T => structuredClone(row);

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const compareKeys = ([dayA, idA]: DayKey, [dayB, idB]: DayKey) => compare(dayA, dayB) || compare(idA, idB);

/** Up to `limit` rows, newest first by the key [day, id], after the key `after`: insights' connections. */
function keysetPage<T>(rows: readonly T[], keyOf: (row: T) => DayKey, limit: number, after: DayKey | null) {
  return rows
    .filter((row) => after === null || compareKeys(keyOf(row), after) < 0)
    .sort((a, b) => compareKeys(keyOf(b), keyOf(a)))
    .slice(0, limit)
    .map(copy);
}

/** Inserts `added` unless one of them has the unique key of a row (or of another one): createMany's all or nothing. */
function insertUnique<T>(rows: T[], added: readonly T[], keyOf: (row: T) => string, table: string): void {
  const keys = new Set(rows.map(keyOf));
  for (const row of added) {
    if (keys.has(keyOf(row))) throw new Error(`Unique constraint failed on ${table} ${keyOf(row)}`);
    keys.add(keyOf(row));
  }
  rows.push(...added.map(copy));
}

/** Removes the rows matching `matches` in place. */
function removeWhere<T>(rows: T[], matches: (row: T) => boolean): number {
  const kept = rows.filter((row) => !matches(row));
  const removed = rows.length - kept.length;
  rows.splice(0, rows.length, ...kept);
  return removed;
}

/** The defaults of athlete.repo.ts: UTC and no consent until insights hears otherwise. */
const ATHLETE_DEFAULTS = { timeZone: 'UTC', birthYear: null, modelTraining: false, cohortBenchmarks: false };

export function fakeAthleteRepo(): AthleteRepo & { rows: Map<string, AthleteRecord> } {
  const rows = new Map<string, AthleteRecord>();
  return {
    rows,
    of: async (userId) => copy(rows.get(userId) ?? { userId, ...ATHLETE_DEFAULTS }),
    async update(userId, change) {
      const row = { ...(rows.get(userId) ?? { userId, ...ATHLETE_DEFAULTS }), ...change };
      rows.set(userId, row);
      return copy(row);
    },
    // One fake transaction runs at a time: nothing to hold.
    lock: async () => undefined,
    consenting: unreached('athletes.consenting'),
    erase: unreached('athletes.erase'),
  };
}

/** Gear near retirement; `rows` holds each item with its athlete. */
export function fakeGearWearRepo(): GearWearRepo & { rows: (GearUse & { userId: string })[] } {
  const rows: (GearUse & { userId: string })[] = [];
  return {
    rows,
    crossed: unreached('gearWear.crossed'),
    forget: unreached('gearWear.forget'),
    of: async (userId) =>
      rows
        .filter((row) => row.userId === userId)
        .sort((a, b) => compare(a.gearId, b.gearId))
        .map(({ gearId, gearName, percent }) => ({ gearId, gearName, percent })),
    erase: unreached('gearWear.erase'),
  };
}

/** The workout copies (`rows`) and, apart as in the database, the session RPEs given to them (`ratings`). */
export function fakeWorkoutRepo(): WorkoutRepo & {
  rows: InsightsWorkout[];
  ratings: Map<string, { userId: string; sessionRpe: number }>;
} {
  const rows: InsightsWorkout[] = [];
  const ratings = new Map<string, { userId: string; sessionRpe: number }>();
  const daysOf = (userId: string) =>
    rows
      .filter((w) => w.userId === userId)
      .map((w) => w.localDate)
      .sort(compare);
  return {
    rows,
    ratings,
    find: async (id) => copy(rows.find((w) => w.id === id) ?? null),
    async save(workout) {
      const index = rows.findIndex((w) => w.id === workout.id);
      rows.splice(index < 0 ? rows.length : index, index < 0 ? 0 : 1, copy(workout));
    },
    remove: unreached('workouts.remove'),
    between: async (userId, from, to) =>
      rows
        .filter((w) => w.userId === userId && w.localDate >= from && w.localDate <= to)
        .sort((a, b) => compare(a.localDate, b.localDate) || a.startedAt.getTime() - b.startedAt.getTime())
        .map(copy),
    onDays: async (userId, dates) =>
      rows.filter((w) => w.userId === userId && dates.includes(w.localDate)).map(copy),
    all: unreached('workouts.all'),
    async span(userId) {
      const days = daysOf(userId);
      return days.length === 0 ? null : { first: days[0]!, last: days[days.length - 1]! };
    },
    lastDayBefore: async (userId, date) => daysOf(userId).findLast((day) => day < date) ?? null,
    ratingOf: async (workoutId) => ratings.get(workoutId)?.sessionRpe ?? null,
    async rate(workoutId, userId, sessionRpe) {
      // An upsert that updates the rating only: the row keeps the athlete it was created for.
      ratings.set(workoutId, { userId: ratings.get(workoutId)?.userId ?? userId, sessionRpe });
    },
    erase: unreached('workouts.erase'),
  };
}

export function fakeDailyLoadRepo(): DailyLoadRepo & { rows: DailyLoadRow[] } {
  const rows: DailyLoadRow[] = [];
  return {
    rows,
    async replaceDays(userId, dates, added) {
      removeWhere(rows, (row) => row.userId === userId && dates.includes(row.date));
      insertUnique(rows, added, (row) => `${row.userId}/${row.date}/${row.sport}`, 'DailyLoad');
    },
    between: async (userId, sport, from, to) =>
      rows
        .filter((row) => row.userId === userId && row.sport === sport && row.date >= from && row.date <= to)
        .sort((a, b) => compare(a.date, b.date))
        .map(copy),
    erase: unreached('dailyLoads.erase'),
  };
}

export function fakeFormDayRepo(): FormDayRepo & { rows: (FormState & { userId: string })[] } {
  const rows: (FormState & { userId: string })[] = [];
  const state = ({ userId: _userId, ...row }: FormState & { userId: string }): FormState => copy(row);
  const ofUser = (userId: string) =>
    rows.filter((row) => row.userId === userId).sort((a, b) => compare(a.date, b.date));
  return {
    rows,
    async first(userId) {
      const row = ofUser(userId)[0];
      return row ? state(row) : null;
    },
    async onOrBefore(userId, date) {
      const row = ofUser(userId).findLast((r) => r.date <= date);
      return row ? state(row) : null;
    },
    async replaceFrom(userId, from, states) {
      removeWhere(rows, (row) => row.userId === userId && row.date >= from);
      const added = states.map((s) => ({ userId, ...s }));
      insertUnique(rows, added, (row) => `${row.userId}/${row.date}`, 'FormDay');
    },
    between: async (userId, from, to) =>
      ofUser(userId)
        .filter((row) => row.date >= from && row.date <= to)
        .map(state),
    erase: unreached('formDays.erase'),
  };
}

export function fakeLoadFlagRepo(): LoadFlagRepo & { rows: LoadFlagRecord[] } {
  const rows: LoadFlagRecord[] = [];
  return {
    rows,
    raised: async (userId) => copy(rows.find((f) => f.userId === userId && f.clearedOn === null) ?? null),
    insert: async (flag) => insertUnique(rows, [flag], (f) => f.id, 'LoadFlag'),
    async clear(id, clearedOn) {
      const flag = rows.find((f) => f.id === id);
      if (!flag) throw new Error(`No LoadFlag ${id} to update`);
      flag.clearedOn = clearedOn;
    },
    page: async (userId, limit, after) =>
      keysetPage(
        rows.filter((f) => f.userId === userId),
        (f) => [f.raisedOn, f.id],
        limit,
        after,
      ),
    raisedCount: async (userId) => rows.filter((f) => f.userId === userId && f.clearedOn === null).length,
    erase: unreached('flags.erase'),
  };
}

/** The registry: no model in it until a test puts one in `rows`. */
export function fakeModelRegistryRepo(): ModelRegistryRepo & { rows: ModelVersionRecord[] } {
  const rows: ModelVersionRecord[] = [];
  return {
    rows,
    ensure: unreached('models.ensure'),
    register: unreached('models.register'),
    latestVersion: unreached('models.latestVersion'),
    serving: async (name) => copy(rows.find((m) => m.name === name && m.serving) ?? null),
    byKey: async (name, version) => copy(rows.find((m) => m.name === name && m.version === version) ?? null),
    all: unreached('models.all'),
  };
}

/** The unique key of the table besides the id: one piece of advice per athlete, day, subject and model version. */
const adviceKey = (r: RecommendationRecord) =>
  [r.userId, r.date, r.kind, r.subject, r.modelName, r.modelVersion].join('/');

export function fakeRecommendationRepo(): RecommendationRepo & { rows: RecommendationRecord[] } {
  const rows: RecommendationRecord[] = [];
  return {
    rows,
    async insertNew(recommendations) {
      // createMany with skipDuplicates: a row that clashes on either unique key is skipped, not an error.
      const stored = new Set<string>();
      for (const r of recommendations) {
        if (rows.some((row) => row.id === r.id || adviceKey(row) === adviceKey(r))) continue;
        rows.push(copy(r));
        stored.add(r.id);
      }
      return recommendations.filter((r) => stored.has(r.id));
    },
    find: async (id) => copy(rows.find((r) => r.id === id) ?? null),
    async respond(id, status, at) {
      const row = rows.find((r) => r.id === id);
      if (!row) throw new Error(`No Recommendation ${id} to update`);
      Object.assign(row, { status, respondedAt: new Date(at) });
      return copy(row);
    },
    page: async (userId, status, limit, after) =>
      keysetPage(
        rows.filter((r) => r.userId === userId && (status === null || r.status === status)),
        (r) => [r.date, r.id],
        limit,
        after,
      ),
    erase: unreached('recommendations.erase'),
  };
}

export function fakeInjuryReportRepo(): InjuryReportRepo & { rows: InjuryReportRecord[] } {
  const rows: InjuryReportRecord[] = [];
  return {
    rows,
    insert: async (report) => insertUnique(rows, [report], (r) => r.id, 'InjuryReport'),
    remove: async (userId, id) => removeWhere(rows, (r) => r.id === id && r.userId === userId) > 0,
    of: async (userId) =>
      rows
        .filter((r) => r.userId === userId)
        .sort((a, b) => compare(b.date, a.date) || b.createdAt.getTime() - a.createdAt.getTime())
        .map(copy),
    ofAthletes: unreached('injuries.ofAthletes'),
    erase: unreached('injuries.erase'),
  };
}

export function fakePeriodSummaryRepo(): PeriodSummaryRepo & { rows: PeriodSummaryRow[] } {
  const rows: PeriodSummaryRow[] = [];
  return {
    rows,
    async replace(userId, period, start, figures) {
      removeWhere(rows, (row) => row.userId === userId && row.period === period && row.start === start);
      const added = figures.map((row) => ({ ...row, userId, period, start }));
      insertUnique(
        rows,
        added,
        (row) => `${row.userId}/${row.period}/${row.start}/${row.sport}`,
        'PeriodSummary',
      );
    },
    list: async (userId, period, sport, from, to) =>
      rows
        .filter(
          (row) =>
            row.userId === userId &&
            row.period === period &&
            row.sport === sport &&
            row.start >= from &&
            row.start <= to,
        )
        .sort((a, b) => compare(a.start, b.start))
        .map(copy),
    weekDistances: unreached('summaries.weekDistances'),
    erase: unreached('summaries.erase'),
  };
}

/** The published cohorts: none until a test puts one in `rows`. */
export function fakeCohortBenchmarkRepo(): CohortBenchmarkRepo & { rows: CohortBenchmarkRow[] } {
  const rows: CohortBenchmarkRow[] = [];
  return {
    rows,
    replaceWeek: unreached('cohorts.replaceWeek'),
    deleteBefore: unreached('cohorts.deleteBefore'),
    find: async (sport, ageGroup, week) =>
      copy(rows.find((c) => c.sport === sport && c.ageGroup === ageGroup && c.week === week) ?? null),
    ofWeek: unreached('cohorts.ofWeek'),
  };
}

/** An outbox that keeps the events written to it; an event whose id it holds is not written twice. */
export function fakeOutbox(): OutboxWriter & { events: EventEnvelope[] } {
  const events: EventEnvelope[] = [];
  return {
    events,
    async write(written) {
      for (const event of written) if (!events.some((e) => e.id === event.id)) events.push(event);
    },
  };
}

/** Every insights repository, in memory. */
export function fakeInsightsRepos() {
  return {
    athletes: fakeAthleteRepo(),
    gearWear: fakeGearWearRepo(),
    workouts: fakeWorkoutRepo(),
    dailyLoads: fakeDailyLoadRepo(),
    formDays: fakeFormDayRepo(),
    flags: fakeLoadFlagRepo(),
    models: fakeModelRegistryRepo(),
    recommendations: fakeRecommendationRepo(),
    injuries: fakeInjuryReportRepo(),
    summaries: fakePeriodSummaryRepo(),
    cohorts: fakeCohortBenchmarkRepo(),
    outbox: fakeOutbox(),
  } satisfies InsightsRepos;
}

export type FakeInsightsRepos = ReturnType<typeof fakeInsightsRepos>;

/** Runs the work with the fakes themselves: a fake has nothing to roll back, so tests check effects of failures apart. */
export const fakeTransaction =
  <Repos>(repos: Repos): InTransaction<Repos> =>
  (work) =>
    work(repos);
