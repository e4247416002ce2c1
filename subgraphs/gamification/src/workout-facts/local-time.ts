/**
 * Calendar arithmetic in the athlete's time zone, with `Intl.DateTimeFormat` only: an instant becomes a
 * local date and hour, and dates become day numbers (days since 1970-01-01) so that "the next day" is
 * `+ 1` whatever the daylight-saving changes in between. Weeks are ISO weeks (Monday to Sunday).
 */
import { BadUserInputError } from '../../../../lib/errors/domain-error';
import { canonicalTimeZone } from '../../../../lib/time-zone';

export interface LocalDateTime {
  year: number;
  /** 1-12. */
  month: number;
  day: number;
  /** 0-23. */
  hour: number;
  minute: number;
  /** Days since 1970-01-01 of the local date. */
  dayNumber: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Consecutive ISO weeks share consecutive numbers (week 0 starts on Monday 1969-12-29). */
  weekNumber: number;
}

const MS_PER_DAY = 86_400_000;
// Both caches only ever hold zones Intl accepted (a few hundred exist).
const canonicalNames = new Map<string, string>();
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The canonical IANA name of a time zone (`europe/paris` → `Europe/Paris`); a BAD_USER_INPUT error naming
 * the field `timeZone` when `Intl` does not know it.
 */
export function normalizeTimeZone(timeZone: string): string {
  const known = canonicalNames.get(timeZone);
  if (known) return known;
  const canonical = canonicalTimeZone(timeZone);
  if (!canonical)
    throw new BadUserInputError(
      'timeZone',
      `"${timeZone}" is not a known IANA time zone: use a name such as "Europe/Paris", "America/New_York" or "UTC".`,
    );
  canonicalNames.set(timeZone, canonical);
  return canonical;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: normalizeTimeZone(timeZone),
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Days since 1970-01-01 of a calendar date. */
export function dayNumberOf(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** The local date and time of an instant in a time zone. */
export function toLocal(ms: number, timeZone: string): LocalDateTime {
  if (!Number.isFinite(ms)) throw new RangeError(`Not an instant: ${ms}`);
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0 } = parts;
  const dayNumber = dayNumberOf(year, month, day);
  // 1970-01-01 was a Thursday (ISO weekday 4), so Monday 1969-12-29 is day -3.
  const weekNumber = Math.floor((dayNumber + 3) / 7);
  return {
    year,
    month,
    day,
    hour,
    minute,
    dayNumber,
    weekday: dayNumber + 3 - weekNumber * 7 + 1,
    weekNumber,
  };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The calendar date of a day number, `YYYY-MM-DD`. */
export function formatDayNumber(dayNumber: number): string {
  const date = new Date(dayNumber * MS_PER_DAY);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The ISO week of a week number (see `LocalDateTime.weekNumber`), `YYYY-Www`. */
export function formatWeekNumber(weekNumber: number): string {
  // A week belongs to the ISO year of its Thursday; week 1 is the week holding that year's 4 January.
  const isoYear = new Date(weekNumber * 7 * MS_PER_DAY).getUTCFullYear();
  const firstWeek = Math.floor((dayNumberOf(isoYear, 1, 4) + 3) / 7);
  return `${pad(isoYear, 4)}-W${pad(weekNumber - firstWeek + 1)}`;
}

/** `YYYY-MM-DD` of the instant in the time zone. */
export function localDay(ms: number, timeZone: string): string {
  return formatDayNumber(toLocal(ms, timeZone).dayNumber);
}

/** `YYYY-Www` (ISO 8601 week, Monday first) of the instant in the time zone. */
export function isoWeek(ms: number, timeZone: string): string {
  return formatWeekNumber(toLocal(ms, timeZone).weekNumber);
}

/** `YYYY-MM` of the instant in the time zone. */
export function localMonth(ms: number, timeZone: string): string {
  const { year, month } = toLocal(ms, timeZone);
  return `${pad(year, 4)}-${pad(month)}`;
}
