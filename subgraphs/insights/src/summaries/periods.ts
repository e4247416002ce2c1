/**
 * The periods the summaries are kept for: ISO weeks (Monday to Sunday) and calendar months, each named by
 * its first day ('YYYY-MM-DD' in the athlete's time zone). Pure calendar arithmetic on calendar-days.ts,
 * so the years 0000–9999 and leap days behave as there.
 */
import { addDays, calendarDay, dayNumber } from '../form/calendar-days';

export type SummaryPeriod = 'WEEK' | 'MONTH';

/** One period of one kind, by its first day. */
export interface PeriodKey {
  period: SummaryPeriod;
  start: string;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysInMonth = (year: number, month: number) =>
  month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
const yearText = (year: number) => String(year).padStart(4, '0');

/** The Monday of `date`'s ISO week. */
export function weekStart(date: string): string {
  const day = dayNumber(date);
  // 1970-01-01 (day 0) was a Thursday: 3 days after a Monday.
  const sinceMonday = (((day + 3) % 7) + 7) % 7;
  return calendarDay(day - sinceMonday);
}

/** The first day of `date`'s month: 'YYYY-MM-01'. */
export function monthStart(date: string): string {
  dayNumber(date); // throws on a malformed date
  return `${date.slice(0, 8)}01`;
}

/** The first day of the period of this kind that contains `date`. */
export function periodStart(period: SummaryPeriod, date: string): string {
  return period === 'WEEK' ? weekStart(date) : monthStart(date);
}

function assertStart(period: SummaryPeriod, start: string): void {
  if (periodStart(period, start) !== start) {
    throw new Error(`'${start}' is not the first day of a ${period === 'WEEK' ? 'week' : 'month'}`);
  }
}

/** The last day of the period that starts on `start` (a Sunday, or the month's last day); throws when `start` is no period start. */
export function periodEnd(period: SummaryPeriod, start: string): string {
  assertStart(period, start);
  if (period === 'WEEK') return addDays(start, 6);
  const [year, month] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  return addDays(start, daysInMonth(year, month) - 1);
}

/** Months since January of the year 0: the month arithmetic below works on it. */
const monthIndex = (start: string) => Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1;
const monthOfIndex = (index: number) =>
  `${yearText(Math.floor(index / 12))}-${String((index % 12) + 1).padStart(2, '0')}-01`;

/** The start of the period `count` periods after (negative: before) the one starting on `start`. */
export function addPeriods(period: SummaryPeriod, start: string, count: number): string {
  assertStart(period, start);
  if (period === 'WEEK') return addDays(start, 7 * count);
  const date = monthOfIndex(monthIndex(start) + count);
  dayNumber(date); // throws outside the years 0000–9999, as calendarDay does for weeks
  return date;
}

/** How many periods of this kind start from `start` (a period start) to `to`; 0 when `to` is before it. */
export function periodCount(period: SummaryPeriod, start: string, to: string): number {
  assertStart(period, start);
  if (to < start) return 0;
  if (period === 'WEEK') return Math.floor((dayNumber(to) - dayNumber(start)) / 7) + 1;
  return monthIndex(monthStart(to)) - monthIndex(start) + 1;
}

/** The distinct weeks and months containing any of `dates`: the weeks first, then the months, each oldest first. */
export function periodsOf(dates: readonly string[]): PeriodKey[] {
  const weeks = new Set(dates.map(weekStart));
  const months = new Set(dates.map(monthStart));
  return [
    ...[...weeks].sort().map((start) => ({ period: 'WEEK' as const, start })),
    ...[...months].sort().map((start) => ({ period: 'MONTH' as const, start })),
  ];
}
