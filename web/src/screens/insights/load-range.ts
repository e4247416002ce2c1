/** The six weeks of daily load the screen charts: their calendar days in the athlete's zone, and the series. */
import { localDateIn } from '../../format/dates';

/** Six weeks, today included. */
export const LOAD_DAYS = 42;

const DAY_MS = 86_400_000;
const dayNumber = (localDate: string) => Date.parse(`${localDate}T00:00:00Z`) / DAY_MS;

/** The calendar day `days` after (or before, when negative) `localDate`. */
export function addDays(localDate: string, days: number): string {
  return new Date((dayNumber(localDate) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both LocalDates). */
export const daysBetween = (from: string, to: string) => Math.round(dayNumber(to) - dayNumber(from));

/** The range ending today in the zone: `to` is today, `from` the first of the LOAD_DAYS days. */
export function loadRange(timeZone: string, now = new Date()): { from: string; to: string } {
  const to = localDateIn(timeZone, now);
  return { from: addDays(to, -(LOAD_DAYS - 1)), to };
}

export interface DayLoad {
  date: string;
  load: number;
  workouts: number;
}

export interface LoadSeries {
  /** Each day of the range in weeks before the last (today): −5.86 … 0, so that whole weeks make the ticks. */
  xs: number[];
  /** The day's load; null for a day the API did not return (the line breaks there). */
  ys: (number | null)[];
  totalLoad: number;
  trainingDays: number;
  /** The day with the most load; null when no day had any. */
  peak: DayLoad | null;
}

/** Every day from `from` to `to` with its load, whatever order and gaps the API's days come in. */
export function loadSeries(days: readonly DayLoad[], from: string, to: string): LoadSeries {
  const byDate = new Map(days.map((day) => [day.date, day]));
  const xs: number[] = [];
  const ys: (number | null)[] = [];
  let totalLoad = 0;
  let trainingDays = 0;
  let peak: DayLoad | null = null;
  const span = daysBetween(from, to);
  for (let offset = 0; offset <= span; offset += 1) {
    const day = byDate.get(addDays(from, offset));
    xs.push((offset - span) / 7);
    ys.push(day ? day.load : null);
    if (!day) continue;
    totalLoad += day.load;
    if (day.workouts > 0) trainingDays += 1;
    if (day.load > 0 && (!peak || day.load > peak.load)) peak = day;
  }
  return { xs, ys, totalLoad, trainingDays, peak };
}

/** The day at `weeks` from `to` (a chart's x: negative before it). */
export const dayAtWeeks = (to: string, weeks: number) => addDays(to, Math.round(weeks * 7));

/** A short day label ("4 Mar") for the chart's axis, read without shifting it through a time zone. */
export function shortDay(localDate: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${localDate}T00:00:00Z`),
  );
}
