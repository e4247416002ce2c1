/**
 * Turns the `BoardInput` of the API into a board id and a scope (everyone, the viewer's friends, a club's
 * members), or a BAD_USER_INPUT naming what to change.
 */
import { BadUserInputError } from '../../../../lib/errors/domain-error';
import type { Sport } from '../../../../lib/sports';
import { boardId, type BoardMetric, type BoardPeriod } from './board-key';
import { windowOf } from './board-window';

export interface BoardInput {
  metric?: BoardMetric | null;
  period?: BoardPeriod | null;
  sport?: Sport | null;
  window?: string | null;
  challengeId?: string | null;
  scope?: 'EVERYONE' | 'FRIENDS' | 'CLUB' | null;
  clubId?: string | null;
}

/** Whose entries a board shows: every athlete's, the viewer's and whom they follow, or a club's members'. */
export type BoardScope = { kind: 'everyone' } | { kind: 'friends' } | { kind: 'club'; clubId: string };

const WINDOW_FORMATS: Record<BoardPeriod, { pattern: RegExp; example: string }> = {
  WEEK: { pattern: /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, example: '2026-W47' },
  MONTH: { pattern: /^\d{4}-(0[1-9]|1[0-2])$/, example: '2026-11' },
  ALL_TIME: { pattern: /^all$/, example: 'all' },
};

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The board of a period input, or of a challenge (whose existence the caller checks). */
export function boardOfInput(input: BoardInput, now: Date): { board: string; challengeId: string | null } {
  if (input.challengeId != null) {
    if (input.metric != null || input.period != null || input.sport != null || input.window != null)
      throw new BadUserInputError(
        'board',
        'A challenge board is named by challengeId alone: leave metric, period, sport and window out.',
      );
    if (!UUID.test(input.challengeId))
      throw new BadUserInputError('board.challengeId', 'challengeId must be the id of a challenge (a UUID).');
    return {
      board: boardId({ kind: 'challenge', challengeId: input.challengeId }),
      challengeId: input.challengeId,
    };
  }
  if (input.metric == null || input.period == null)
    throw new BadUserInputError(
      'board',
      'Name a board with metric and period (e.g. { metric: DISTANCE, period: WEEK }), or with challengeId.',
    );
  const format = WINDOW_FORMATS[input.period];
  const window = input.window ?? windowOf(input.period, now.getTime());
  const board = format.pattern.test(window)
    ? periodBoard(input.metric, input.period, input.sport ?? null, window)
    : null;
  if (board === null)
    throw new BadUserInputError(
      'board.window',
      `window "${window}" is not a ${input.period} window: write it like ${format.example}, or leave it out for the current one.`,
    );
  return { board, challengeId: null };
}

/** The scope of an input: `clubId` with `scope: CLUB` and only then (whether the club exists is the caller's). */
export function scopeOfInput(input: BoardInput): BoardScope {
  const scope = input.scope ?? 'EVERYONE';
  if (scope !== 'CLUB') {
    if (input.clubId != null)
      throw new BadUserInputError(
        'board.clubId',
        'clubId names the club of scope: CLUB; leave it out otherwise.',
      );
    return scope === 'FRIENDS' ? { kind: 'friends' } : { kind: 'everyone' };
  }
  if (input.clubId == null)
    throw new BadUserInputError('board.clubId', 'A club board needs clubId (the id of a club you are in).');
  if (!UUID.test(input.clubId))
    throw new BadUserInputError('board.clubId', 'clubId must be the id of a club (a UUID).');
  return { kind: 'club', clubId: input.clubId };
}

/** The id of a period board, or null when the window does not exist (e.g. week 53 of a 52-week year). */
function periodBoard(
  metric: BoardMetric,
  period: BoardPeriod,
  sport: Sport | null,
  window: string,
): string | null {
  try {
    return boardId({ kind: 'period', metric, period, sport, window });
  } catch {
    return null;
  }
}
