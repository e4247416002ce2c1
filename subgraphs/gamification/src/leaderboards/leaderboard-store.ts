/**
 * The leaderboard port: scores per athlete on many boards, ranked by score (highest first), ties going to
 * whoever reached the score first. Implemented over Redis sorted sets and in this process's memory.
 */
import { parseBoardId } from './board-key';
import { windowExpiry } from './board-window';

export interface LeaderboardEntry {
  athleteId: string;
  score: number;
  /** 1-based position on the board; no two entries share a rank (ties are ordered, see README). */
  rank: number;
}

export interface ScoreChange {
  board: string;
  athleteId: string;
  delta: number;
}

export interface LeaderboardStore {
  /**
   * Whether the boards outlive this process (Redis). An in-process store starts empty every time: the
   * subgraph rebuilds it from the database at start (board-restore.ts).
   */
  readonly durable: boolean;
  /**
   * Adds delta (may be negative: a reversal) to athleteId's score on each board, atomically per board:
   * one write per board. A score that comes back to 0 removes the entry. Deltas of one call for the
   * same board and athlete are summed first; a delta of 0 changes nothing.
   */
  add(changes: ScoreChange[]): Promise<void>;
  /** Entries from position offset + 1, at most limit of them, best first. */
  top(board: string, limit: number, offset?: number): Promise<LeaderboardEntry[]>;
  /** The athlete's entry, or null when the athlete has no score on the board. O(log n). */
  rankOf(board: string, athleteId: string): Promise<LeaderboardEntry | null>;
  /**
   * The entries of these athletes (those with a score on the board; a repeated id counts once), in board
   * order, each with its rank on the whole board: `top(board, size)` filtered to them. Friends and club
   * boards are read through it. O(k log n) for k athletes.
   */
  entriesOf(board: string, athleteIds: readonly string[]): Promise<LeaderboardEntry[]>;
  /** How many athletes have a score on the board. */
  size(board: string): Promise<number>;
  /** Removes every entry of the board (before a rebuild, at the end of a challenge). */
  clear(board: string): Promise<void>;
  close(): Promise<void>;
}

/** Scores this close to 0 are 0 (sums of fractional metres may miss 0 by a rounding error). */
export const ZERO_SCORE_TOLERANCE = 1e-9;

/** Throws a RangeError unless `board` is the id of a board; returns when the board expires (null = never). */
export function expiryOfBoard(board: string): number | null {
  const key = parseBoardId(board);
  if (!key) throw new RangeError(`"${board}" is not a board id (e.g. period:DISTANCE:WEEK:RUN:2026-W47).`);
  return key.kind === 'period' ? windowExpiry(key.period, key.window) : null;
}

/**
 * Checks a batch of changes and sums the deltas per board and athlete (zero sums dropped). Throws a
 * RangeError, before anything is written, for an unknown board, an empty athlete id or a delta that is
 * not a finite number.
 */
export function groupChanges(changes: ScoreChange[]): Map<string, Map<string, number>> {
  const boards = new Map<string, Map<string, number>>();
  for (const { board, athleteId, delta } of changes) {
    if (!boards.has(board)) expiryOfBoard(board);
    if (typeof athleteId !== 'string' || athleteId.length === 0 || athleteId.length > 200) {
      throw new RangeError(`An athlete id is a non-empty string (at most 200 characters): "${athleteId}".`);
    }
    if (!Number.isFinite(delta)) throw new RangeError(`A delta is a finite number, got ${delta}.`);
    const deltas = boards.get(board) ?? new Map<string, number>();
    boards.set(board, deltas.set(athleteId, (deltas.get(athleteId) ?? 0) + delta));
  }
  for (const [board, deltas] of boards) {
    for (const [athleteId, delta] of deltas) if (delta === 0) deltas.delete(athleteId);
    if (deltas.size === 0) boards.delete(board);
  }
  return boards;
}

/** Throws a RangeError unless limit and offset are integers ≥ 0. */
export function checkPage(limit: number, offset: number): void {
  if (!Number.isSafeInteger(limit) || limit < 0 || !Number.isSafeInteger(offset) || offset < 0) {
    throw new RangeError(`limit and offset are integers ≥ 0, got limit ${limit} and offset ${offset}.`);
  }
}
