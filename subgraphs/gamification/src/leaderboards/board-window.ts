/**
 * The time windows of period boards. Boards roll on UTC ISO weeks ('2026-W47', Monday 00:00 UTC to the
 * next Monday) and UTC calendar months ('2026-11'); an all-time board has the one window 'all'. A window
 * is kept for two more periods after it ends (last week's and the week before's boards stay readable),
 * then its board expires: windows roll without a rebuild because each one is its own board.
 */
export type BoardPeriod = 'WEEK' | 'MONTH' | 'ALL_TIME';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** How many periods a window's board outlives the window itself. */
export const RETAINED_PERIODS = 2;

const WEEK_WINDOW = /^(\d{4})-W(\d{2})$/;
const MONTH_WINDOW = /^(\d{4})-(\d{2})$/;

const pad = (value: number, width: number) => String(value).padStart(width, '0');
/** Windows exist for 1970 to 9999 (four-digit years, no instant before the Unix epoch). */
const LAST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const validYear = (year: number) => year >= 1970 && year <= 9999;

/** Monday 00:00 UTC of ISO week 1 of `isoYear` (the week holding 4 January). */
function isoWeekOneStart(isoYear: number): number {
  const fourthOfJanuary = Date.UTC(isoYear, 0, 4);
  const weekday = (new Date(fourthOfJanuary).getUTCDay() + 6) % 7; // Monday = 0
  return fourthOfJanuary - weekday * DAY_MS;
}

function isoWeeksIn(isoYear: number): number {
  return Math.round((isoWeekOneStart(isoYear + 1) - isoWeekOneStart(isoYear)) / WEEK_MS);
}

/** The window of `period` that holds the instant `ms` (UTC). */
export function windowOf(period: BoardPeriod, ms: number): string {
  if (!(ms >= 0 && ms <= LAST_INSTANT)) {
    throw new RangeError(`windowOf needs an instant in ms between 1970 and 9999, got ${ms}.`);
  }
  const date = new Date(ms);
  if (period === 'ALL_TIME') return 'all';
  if (period === 'MONTH') return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}`;
  // The ISO year is the year of this week's Thursday.
  const monday = Math.floor(ms / DAY_MS) * DAY_MS - ((date.getUTCDay() + 6) % 7) * DAY_MS;
  const isoYear = new Date(monday + 3 * DAY_MS).getUTCFullYear();
  const week = Math.floor((monday - isoWeekOneStart(isoYear)) / WEEK_MS) + 1;
  return `${pad(isoYear, 4)}-W${pad(week, 2)}`;
}

/** Where a window starts and ends (UTC ms, end exclusive), or null when `window` is not one of `period`. */
export function windowBounds(period: BoardPeriod, window: string): { start: number; end: number } | null {
  if (period === 'ALL_TIME') return window === 'all' ? { start: -Infinity, end: Infinity } : null;
  if (period === 'MONTH') {
    const match = MONTH_WINDOW.exec(window);
    const [year, month] = [Number(match?.[1]), Number(match?.[2])];
    if (!match || !validYear(year) || month < 1 || month > 12) return null;
    return { start: Date.UTC(year, month - 1, 1), end: Date.UTC(year, month, 1) };
  }
  const match = WEEK_WINDOW.exec(window);
  const [year, week] = [Number(match?.[1]), Number(match?.[2])];
  if (!match || !validYear(year) || week < 1 || week > isoWeeksIn(year)) return null;
  const start = isoWeekOneStart(year) + (week - 1) * WEEK_MS;
  return { start, end: start + WEEK_MS };
}

/** When the board of a window expires (UTC ms): RETAINED_PERIODS periods after its end; null = never. */
export function windowExpiry(period: BoardPeriod, window: string): number | null {
  const bounds = windowBounds(period, window);
  if (!bounds || period === 'ALL_TIME') return null;
  if (period === 'WEEK') return bounds.end + RETAINED_PERIODS * WEEK_MS;
  const end = new Date(bounds.end);
  return Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + RETAINED_PERIODS, 1);
}
