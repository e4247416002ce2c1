/**
 * Board keys and their stable string ids. A period board is a metric over one window of a period, for one
 * sport or all sports ('period:DISTANCE:WEEK:RUN:2026-W47', 'period:XP:ALL_TIME:ALL:all'); a challenge
 * board is 'challenge:<challengeId>'. The id is the storage key (Redis: inside `pulse:lb:{<id>}:…`) and
 * what the GraphQL API takes as `board`.
 */
import { SPORTS, type Sport } from '../../../../lib/sports';
import { windowBounds, windowOf, type BoardPeriod } from './board-window';

export type BoardMetric = 'DISTANCE' | 'MOVING_TIME' | 'ELEVATION' | 'XP';
export type { BoardPeriod };

export const BOARD_METRICS: readonly BoardMetric[] = ['DISTANCE', 'MOVING_TIME', 'ELEVATION', 'XP'];
export const BOARD_PERIODS: readonly BoardPeriod[] = ['WEEK', 'MONTH', 'ALL_TIME'];

/**
 * A board: a metric over a period window for a sport (null = all sports), or a challenge board. A friends
 * board is a view of a period board restricted to a set of athletes (see README: no extra key, no extra write).
 */
export type BoardKey =
  | {
      kind: 'period';
      metric: BoardMetric;
      period: BoardPeriod;
      sport: Sport | null;
      window: string /* '2026-W47' | '2026-11' | 'all' */;
    }
  | { kind: 'challenge'; challengeId: string };

/** The sport segment of an all-sports board (no sport has this name). */
const ALL_SPORTS = 'ALL';
/** Challenge ids are opaque, but must not hold separators or Redis hash-tag braces. */
const CHALLENGE_ID = /^[A-Za-z0-9_.-]{1,128}$/;

const isMetric = (value: string): value is BoardMetric =>
  (BOARD_METRICS as readonly string[]).includes(value);
const isPeriod = (value: string): value is BoardPeriod =>
  (BOARD_PERIODS as readonly string[]).includes(value);
const isSport = (value: string): value is Sport => (SPORTS as readonly string[]).includes(value);

/** The board's stable id; throws a RangeError for a key that no board has (a bad window or challenge id). */
export function boardId(key: BoardKey): string {
  if (key.kind === 'challenge') {
    if (!CHALLENGE_ID.test(key.challengeId)) {
      throw new RangeError(
        `A challenge id has 1 to 128 letters, digits, '_', '.' or '-': "${key.challengeId}".`,
      );
    }
    return `challenge:${key.challengeId}`;
  }
  if (!isMetric(key.metric) || !isPeriod(key.period) || (key.sport !== null && !isSport(key.sport))) {
    throw new RangeError(`Not a board: ${JSON.stringify(key)}.`);
  }
  if (!windowBounds(key.period, key.window)) {
    throw new RangeError(`"${key.window}" is not a ${key.period} window (e.g. 2026-W47, 2026-11 or all).`);
  }
  return `period:${key.metric}:${key.period}:${key.sport ?? ALL_SPORTS}:${key.window}`;
}

/** The key of a board id, or null when `id` is not the id of a board (e.g. a client's typo). */
export function parseBoardId(id: string): BoardKey | null {
  const [kind, ...rest] = id.split(':');
  if (kind === 'challenge') {
    const challengeId = rest.join(':');
    return rest.length === 1 && CHALLENGE_ID.test(challengeId) ? { kind, challengeId } : null;
  }
  if (kind !== 'period' || rest.length !== 4) return null;
  const [metric, period, sport, window] = rest as [string, string, string, string];
  if (!isMetric(metric) || !isPeriod(period) || !(sport === ALL_SPORTS || isSport(sport))) return null;
  if (!windowBounds(period, window)) return null;
  return { kind, metric, period, sport: sport === ALL_SPORTS ? null : sport, window };
}

/**
 * The id of a board seen by a scope (the API's `board` of a friends or club board): the board's id with a
 * scope segment, `period:DISTANCE:WEEK:ALL:2026-W47@friends:<viewerId>` or `…@club:<clubId>`. It names a
 * view, not a stored board: `parseBoardId` and the store refuse it.
 */
export function scopedBoardId(
  board: string,
  scope: { kind: 'friends'; viewerId: string } | { kind: 'club'; clubId: string },
): string {
  return scope.kind === 'friends' ? `${board}@friends:${scope.viewerId}` : `${board}@club:${scope.clubId}`;
}

/** The period boards one workout at `at` (UTC ms) writes to: every metric × period, for its sport and for all sports. */
export function periodBoardsOf(sport: Sport, at: number): { metric: BoardMetric; board: string }[] {
  return BOARD_METRICS.flatMap((metric) =>
    BOARD_PERIODS.flatMap((period) =>
      [sport, null].map((boardSport) => ({
        metric,
        board: boardId({ kind: 'period', metric, period, sport: boardSport, window: windowOf(period, at) }),
      })),
    ),
  );
}
