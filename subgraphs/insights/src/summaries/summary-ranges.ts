/**
 * The arguments of the summary queries, checked and turned into periods: the period starts a range asks
 * for (at most 106 weeks or 60 months, so that one query stays one small read), and the two spans a
 * year-over-year comparison covers. Bad arguments throw BAD_USER_INPUT naming the field.
 */
import { BadUserInputError } from '../../../../lib/errors/domain-error';
import { dayNumber } from '../form/calendar-days';
import { addPeriods, periodCount, periodStart, type SummaryPeriod } from './periods';

/** The most periods one query returns: two years of weeks, five years of months. */
export const MAX_PERIODS: Readonly<Record<SummaryPeriod, number>> = { WEEK: 106, MONTH: 60 };

const UNIT: Record<SummaryPeriod, string> = { WEEK: 'weeks', MONTH: 'months' };

function checkDay(field: string, value: string): void {
  try {
    dayNumber(value);
  } catch {
    throw new BadUserInputError(field, `${field} must be a calendar day as YYYY-MM-DD, got '${value}'.`);
  }
}

/**
 * Every start of a period of this kind from `from`'s period (so a `from` inside a week or month includes
 * it) to `to`, oldest first.
 */
export function periodStartsBetween(period: SummaryPeriod, from: string, to: string): string[] {
  checkDay('from', from);
  checkDay('to', to);
  if (from > to) throw new BadUserInputError('to', `to (${to}) must not be before from (${from}).`);
  const first = periodStart(period, from);
  const count = periodCount(period, first, to);
  const max = MAX_PERIODS[period];
  if (count > max) {
    const last = addPeriods(period, first, max - 1);
    throw new BadUserInputError(
      'to',
      `At most ${max} ${UNIT[period]} at a time: from ${from}, to must be before ${addPeriods(period, last, 1)}.`,
    );
  }
  return Array.from({ length: count }, (_, index) => addPeriods(period, first, index));
}

/** A span of days, both ends included. */
export interface DaySpan {
  from: string;
  to: string;
}

export interface YearOverYearSpans {
  year: number;
  /** The last day of this year's span. */
  throughDate: string;
  thisYear: DaySpan;
  lastYear: DaySpan;
}

const yearText = (year: number) => String(year).padStart(4, '0');

/**
 * `year` from 1 January up to `today`'s month and day (the whole year when `year` is before today's), and
 * the same span of the previous year; 29 February compares with 28 February of the year before.
 */
export function yearOverYearSpans(year: number, today: string): YearOverYearSpans {
  checkDay('today', today);
  const currentYear = Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < 1 || year > currentYear) {
    throw new BadUserInputError('year', `year must be a whole number from 1 to ${currentYear}, got ${year}.`);
  }
  const monthAndDay = year < currentYear ? '12-31' : today.slice(5);
  const lastYearMonthAndDay = monthAndDay === '02-29' ? '02-28' : monthAndDay;
  const throughDate = `${yearText(year)}-${monthAndDay}`;
  return {
    year,
    throughDate,
    thisYear: { from: `${yearText(year)}-01-01`, to: throughDate },
    lastYear: { from: `${yearText(year - 1)}-01-01`, to: `${yearText(year - 1)}-${lastYearMonthAndDay}` },
  };
}
