/**
 * Quiet hours: a daily window of the recipient's wall clock (their account's IANA time zone) in which push
 * and email wait. The window may cross midnight (22:00–07:00); daylight-saving changes move it with the
 * wall clock. `quietUntil` says when a message due now may go: null outside the window, else the window's end.
 */
import { instantOfWallClock, wallClockOf } from '../../../../lib/time-zone';

export interface QuietWindow {
  /** Minutes after local midnight, 0–1439; start ≠ end. */
  startMinute: number;
  endMinute: number;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** `HH:MM` → minutes after midnight, or null for anything else. */
export function parseClockTime(value: string): number | null {
  const match = HHMM.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export const formatClockTime = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

const inside = (minute: number, { startMinute, endMinute }: QuietWindow) =>
  startMinute < endMinute
    ? minute >= startMinute && minute < endMinute
    : minute >= startMinute || minute < endMinute;

/** When a push or email due at `now` may be sent: null when `now` is outside the window. */
export function quietUntil(now: Date, window: QuietWindow | null, timeZone: string): Date | null {
  if (!window) return null;
  const clock = wallClockOf(now, timeZone);
  if (!inside(clock.minute, window)) return null;
  // The end is today when it is still ahead on today's clock, else tomorrow.
  const endDate = clock.minute < window.endMinute ? clock.date : nextDate(clock.date);
  return instantOfWallClock(endDate, window.endMinute, timeZone);
}

/** The next time the wall clock shows `minute` after `now` (the daily digest's hour). */
export function nextWallClock(now: Date, minute: number, timeZone: string): Date {
  const clock = wallClockOf(now, timeZone);
  const today = instantOfWallClock(clock.date, minute, timeZone);
  return today.getTime() > now.getTime() ? today : instantOfWallClock(nextDate(clock.date), minute, timeZone);
}

function nextDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}
