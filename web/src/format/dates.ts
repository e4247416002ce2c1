/** Dates and times in the athlete's own time zone (their account's, not the browser's). */

export function formatDateTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone }).format(new Date(iso));
}

/** A calendar date (`2026-12-04`, a LocalDate) as words, without shifting it through a time zone. */
export function formatLocalDate(localDate: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${localDate}T00:00:00Z`),
  );
}

/** Today's calendar date in the zone, as a LocalDate. */
export function localDateIn(timeZone: string, at = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** The Monday that starts the week holding `localDate`, as a LocalDate. */
export function mondayOf(localDate: string): string {
  const date = new Date(`${localDate}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - sinceMonday);
  return date.toISOString().slice(0, 10);
}

/** The browser's own zone, offered at sign-up. */
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Recent times relative to now; from a day on, the date and time in the athlete's zone. */
export function relativeTime(iso: string, timeZone: string, now = Date.now()): string {
  const ago = now - Date.parse(iso);
  if (ago < MINUTE) return 'just now';
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)} min ago`;
  if (ago < DAY) return `${Math.floor(ago / HOUR)} h ago`;
  return formatDateTime(iso, timeZone);
}
