/**
 * After an athlete's workouts changed on some days: their daily loads on those days, then their form from
 * the earliest changed day forward to their last training day. The form of a day depends on the day before
 * (EWMA), so a late, edited or deleted workout changes every later day; the days before keep theirs.
 */
import { addDays } from '../form/calendar-days';
import { FORM_PARAMETERS } from '../form/form-parameters';
import { formSeries } from '../form/form-series';
import type { FormState } from '../form/form-state';
import { dailyTotals, sumLoadsByDateAndSport } from '../load/daily-loads';
import type { InsightsRepos } from '../insights.repos';
import { ALL_SPORTS, type DailyLoadRow } from './daily-load.repo';

type TimelineRepos = Pick<InsightsRepos, 'workouts' | 'dailyLoads' | 'formDays'>;

const EARLIEST = '0000-01-01';

/** Rewrites the daily loads of `dates` and the form from the earliest of them; returns the last day's form. */
export async function recomputeTimeline(
  repos: TimelineRepos,
  userId: string,
  dates: readonly string[],
): Promise<FormState | null> {
  if (dates.length === 0) return repos.formDays.onOrBefore(userId, '9999-12-31');
  await rewriteDailyLoads(repos, userId, dates);
  return rewriteForm(repos, userId, [...dates].sort()[0]!);
}

async function rewriteDailyLoads(repos: TimelineRepos, userId: string, dates: readonly string[]) {
  const workouts = await repos.workouts.onDays(userId, dates);
  const dated = workouts.map((w) => ({ date: w.localDate, sport: w.sport, load: w.load, method: w.method }));
  // Per sport, and the day's total over every sport under the sport key ALL_SPORTS.
  const rows: DailyLoadRow[] = [
    ...sumLoadsByDateAndSport(dated),
    ...sumLoadsByDateAndSport(dated.map((w) => ({ ...w, sport: ALL_SPORTS }))),
  ].map((day) => ({ userId, ...day }));
  await repos.dailyLoads.replaceDays(userId, dates, rows);
}

async function rewriteForm(repos: TimelineRepos, userId: string, changed: string): Promise<FormState | null> {
  const span = await repos.workouts.span(userId);
  if (!span) {
    await repos.formDays.replaceFrom(userId, EARLIEST, []);
    return null;
  }
  const stored = await repos.formDays.first(userId);
  let start = changed;
  let previous: FormState | null = null;
  if (!stored || stored.date !== span.first || start <= span.first) {
    start = span.first;
  } else {
    previous = await repos.formDays.onOrBefore(userId, addDays(start, -1));
    // The stored days may end before the change (a workout after a break): continue from the last one.
    if (previous && previous.date !== addDays(start, -1)) start = addDays(previous.date, 1);
  }
  if (start > span.last) {
    // The last training days went (deleted workouts): their states go with them.
    await repos.formDays.replaceFrom(userId, addDays(span.last, 1), []);
    return repos.formDays.onOrBefore(userId, span.last);
  }
  const historyDays = previous ? Math.min(previous.day, FORM_PARAMETERS.windowDays - 1) : 0;
  const from = addDays(start, -historyDays);
  const totals = await repos.dailyLoads.between(userId, ALL_SPORTS, from, span.last);
  const loads = dailyTotals(from, span.last, totals);
  const states = formSeries(start, loads.slice(historyDays), previous, loads.slice(0, historyDays));
  await repos.formDays.replaceFrom(userId, start, states);
  return states[states.length - 1] ?? null;
}
