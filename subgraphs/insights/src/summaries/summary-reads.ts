/**
 * The summary queries behind `User.weeklySummaries`, `monthlySummaries` and `yearOverYear`, shaped as the
 * GraphQL `PeriodSummary` and `YearOverYear` types. Ranges come back without gaps (a period without
 * training is all zeros) so that charts need no filling; `sport` null means every sport together.
 */
import type { InsightsRepos } from '../insights.repos';
import { ALL_SPORTS } from '../timeline/daily-load.repo';
import type { PeriodSummaryRow } from './period-summary.repo';
import { addFigures, figuresOf, NO_FIGURES, type PeriodFigures } from './period-totals';
import { addPeriods, monthStart, periodEnd, type SummaryPeriod } from './periods';
import { periodStartsBetween, yearOverYearSpans, type DaySpan } from './summary-ranges';

/** The GraphQL `PeriodSummary`: one period's totals of one sport, or of every sport (`sport` null). */
export interface PeriodSummaryView<S extends string = string> extends PeriodFigures {
  start: string;
  sport: S | null;
}

/** The GraphQL `YearOverYear`. */
export interface YearOverYearView<S extends string = string> {
  year: number;
  throughDate: string;
  thisYear: PeriodSummaryView<S>;
  lastYear: PeriodSummaryView<S>;
  /** (this year − last year) ÷ last year × 100, unrounded; null when last year's distance is 0. */
  distanceChangePercent: number | null;
}

type SummaryRepos = Pick<InsightsRepos, 'summaries'>;

const sportKey = (sport: string | null) => sport ?? ALL_SPORTS;
const shownSport = <S extends string>(sport: S | null): S | null =>
  sport === null || sport === ALL_SPORTS ? null : sport;
const figuresOfRow = ({
  workouts,
  distanceMeters,
  movingSeconds,
  elevationGainMeters,
  load,
}: PeriodFigures) => ({
  workouts,
  distanceMeters,
  movingSeconds,
  elevationGainMeters,
  load,
});

async function summariesOf<S extends string>(
  repos: SummaryRepos,
  period: SummaryPeriod,
  userId: string,
  range: DaySpan,
  sport: S | null,
): Promise<PeriodSummaryView<S>[]> {
  const starts = periodStartsBetween(period, range.from, range.to);
  const rows = await repos.summaries.list(userId, period, sportKey(sport), starts[0]!, range.to);
  const byStart = new Map<string, PeriodSummaryRow>(rows.map((row) => [row.start, row]));
  return starts.map((start) => {
    const row = byStart.get(start);
    return { start, sport: shownSport(sport), ...(row ? figuresOfRow(row) : NO_FIGURES) };
  });
}

/** The ISO weeks (from Monday) starting from `from`'s week to `to`; BAD_USER_INPUT beyond 106 weeks. */
export const weeklySummaries = <S extends string>(
  repos: SummaryRepos,
  userId: string,
  from: string,
  to: string,
  sport: S | null,
): Promise<PeriodSummaryView<S>[]> => summariesOf(repos, 'WEEK', userId, { from, to }, sport);

/** The calendar months starting from `from`'s month to `to`; BAD_USER_INPUT beyond 60 months. */
export const monthlySummaries = <S extends string>(
  repos: SummaryRepos,
  userId: string,
  from: string,
  to: string,
  sport: S | null,
): Promise<PeriodSummaryView<S>[]> => summariesOf(repos, 'MONTH', userId, { from, to }, sport);

/**
 * The totals of a span starting on 1 January: its whole months from the MONTH summaries, and the days of a
 * month it ends inside of from the workouts themselves (a summary cannot be cut at a day).
 */
async function totalsOfSpan(
  repos: Pick<InsightsRepos, 'summaries' | 'workouts'>,
  userId: string,
  span: DaySpan,
  sport: string | null,
): Promise<PeriodFigures> {
  const lastMonth = monthStart(span.to);
  const monthIsWhole = periodEnd('MONTH', lastMonth) === span.to;
  const wholeMonthsTo = monthIsWhole
    ? lastMonth
    : lastMonth > span.from
      ? addPeriods('MONTH', lastMonth, -1)
      : null;
  const months = wholeMonthsTo
    ? await repos.summaries.list(userId, 'MONTH', sportKey(sport), span.from, wholeMonthsTo)
    : [];
  const tail = monthIsWhole ? [] : await repos.workouts.between(userId, lastMonth, span.to);
  const only = shownSport(sport);
  const tailOfSport = only === null ? tail : tail.filter((workout) => workout.sport === only);
  return months.map(figuresOfRow).reduce(addFigures, figuresOf(tailOfSport));
}

/**
 * `year` (up to `today`'s month and day, or whole when it is over) against the same span of the year
 * before. `today` is the athlete's calendar day; BAD_USER_INPUT for a year after it or before the year 1.
 */
export async function yearOverYear<S extends string = string>(
  repos: Pick<InsightsRepos, 'summaries' | 'workouts'>,
  userId: string,
  year: number,
  today: string,
  sport: S | null = null,
): Promise<YearOverYearView<S>> {
  const spans = yearOverYearSpans(year, today);
  const thisYear = await totalsOfSpan(repos, userId, spans.thisYear, sport);
  const lastYear = await totalsOfSpan(repos, userId, spans.lastYear, sport);
  return {
    year,
    throughDate: spans.throughDate,
    thisYear: { start: spans.thisYear.from, sport: shownSport(sport), ...thisYear },
    lastYear: { start: spans.lastYear.from, sport: shownSport(sport), ...lastYear },
    distanceChangePercent:
      lastYear.distanceMeters === 0
        ? null
        : ((thisYear.distanceMeters - lastYear.distanceMeters) / lastYear.distanceMeters) * 100,
  };
}
