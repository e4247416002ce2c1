/**
 * Calendar days as 'YYYY-MM-DD' strings (an athlete's local date, already converted by the caller), with
 * arithmetic done on UTC midnights, where every day has 24 hours. Malformed or impossible dates
 * ('2026-02-30') throw, so a bad key never silently shifts a day.
 */

const MS_PER_DAY = 86_400_000;
const FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date (negative before); throws on anything else. */
export function dayNumber(date: string): number {
  const parts = FORMAT.exec(date);
  if (!parts) throw new Error(`Expected a calendar day 'YYYY-MM-DD', got '${date}'`);
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const utc = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0–99 as 1900–1999.
  utc.setUTCFullYear(year, month - 1, day);
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) {
    throw new Error(`Expected a calendar day 'YYYY-MM-DD', got '${date}' (no such day)`);
  }
  return utc.getTime() / MS_PER_DAY;
}

/** The 'YYYY-MM-DD' date of a day number; throws outside the years 0000–9999. */
export function calendarDay(days: number): string {
  const utc = new Date(days * MS_PER_DAY);
  const year = utc.getUTCFullYear();
  if (!Number.isInteger(days) || !(year >= 0 && year <= 9999)) {
    throw new Error(`Day number ${days} is not a calendar day in the years 0000–9999`);
  }
  return utc.toISOString().slice(0, 10);
}

/** `date` moved by `days` whole days (negative: earlier). */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new Error(`Expected a whole number of days, got ${days}`);
  return calendarDay(dayNumber(date) + days);
}

/** Days from `from` to `to`: 1 from one day to the next, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Every day from `from` to `to`, both included, in order; empty when `to` is before `from`. */
export function eachDay(from: string, to: string): string[] {
  const first = dayNumber(from);
  const last = dayNumber(to);
  const days: string[] = [];
  for (let day = first; day <= last; day++) days.push(calendarDay(day));
  return days;
}
