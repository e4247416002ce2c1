/**
 * IANA time zones (Europe/Berlin, America/New_York, UTC): checked against the runtime's time-zone database
 * (Intl), the calendar day and wall clock an instant shows in one of them, and the instant a wall clock
 * shows a time. Pulse counts an athlete's days, weeks and quiet hours in the time zone of their account.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

/** An en-CA format (it writes dates as YYYY-MM-DD) of `timeZone`, made once per zone and kind. */
function formatIn(timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${withTime ? 'clock' : 'day'} ${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    const day = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;
    const time = { hourCycle: 'h23', hour: '2-digit', minute: '2-digit' } as const;
    format = new Intl.DateTimeFormat('en-CA', { timeZone, ...day, ...(withTime ? time : {}) });
    formats.set(key, format);
  }
  return format;
}

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
  return formatIn(timeZone, false).format(instant);
}

/** The wall clock of `instant` in `timeZone`: its calendar day and the minutes since local midnight. */
export function wallClockOf(instant: Date, timeZone: string): { date: string; minute: number } {
  const format = formatIn(timeZone, true);
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
 * shows twice (clocks moved back across it) gives the later instant — the end of a quiet window never comes
 * early; a time it skips (clocks moved forward) is read with the offset before the change (02:30 → 03:30).
 */
export function instantOfWallClock(date: string, minute: number, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wallMs = Date.UTC(year, month - 1, day) + minute * 60_000;
  const first = wallMs - offsetAt(wallMs, timeZone);
  const second = wallMs - offsetAt(first, timeZone);
  return new Date(Math.max(first, second));
}
