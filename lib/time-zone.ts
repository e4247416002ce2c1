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

const partFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of `instant` in `timeZone`: its calendar day and the minutes since local midnight. */
export function wallClockOf(instant: Date, timeZone: string): { date: string; minute: number } {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    partFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instantMs`, in ms (whole minutes). */
function offsetAt(instantMs: number, timeZone: string): number {
  const { date, minute } = wallClockOf(new Date(instantMs), timeZone);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wallMs = Date.UTC(year, month - 1, day) + minute * 60_000;
  return wallMs - Math.floor(instantMs / 60_000) * 60_000;
}

/**
 * The instant the wall clock of `timeZone` shows `minute` (after local midnight) on `date`. A time the day
 * skips (clocks moved forward across it) is read with the offset before the change (02:30 → 03:30).
 */
export function instantOfWallClock(date: string, minute: number, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wallMs = Date.UTC(year, month - 1, day) + minute * 60_000;
  const first = wallMs - offsetAt(wallMs, timeZone);
  const second = wallMs - offsetAt(first, timeZone);
  return new Date(Math.max(first, second));
}
