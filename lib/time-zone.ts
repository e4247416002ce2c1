/**
 * IANA time zones (Europe/Berlin, America/New_York, UTC): checked against the runtime's time-zone database
 * (Intl), and the calendar day an instant falls on in one of them. Pulse counts an athlete's days, weeks and
 * quiet hours in the time zone of their account.
 */

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's canonical name (`europe/berlin` → `Europe/Berlin`), or null when Intl does not know it. */
export function canonicalTimeZone(name: string): string | null {
  if (name.length === 0 || name.length > 64) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The calendar day (`YYYY-MM-DD`) of `instant` in `timeZone` (a canonical name). */
export function localDateOf(instant: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(instant);
}
