/**
 * The leaderboards of one process (embedded mode, tests): per board, an order-statistic skip list for
 * ranks plus a map from athlete to current entry. Same behaviour as Redis, including expiry: a board of
 * a window past its retention is dropped when next touched (and swept at most once a minute on writes).
 * Unlike Redis, the boards end with the process: the subgraph rebuilds them from the database at start.
 */
import {
  type LeaderboardStore,
  ZERO_SCORE_TOLERANCE,
  checkPage,
  expiryOfBoard,
  groupChanges,
} from './leaderboard-store';
import { RankedSkipList, type RankedItem } from './ranked-skip-list';

const SWEEP_INTERVAL_MS = 60_000;

interface Board {
  ranking: RankedSkipList;
  entries: Map<string, RankedItem>;
  /** Orders ties: each change of a score takes the next number. */
  seq: number;
  expiresAt: number | null;
}

export interface InProcessLeaderboardOptions {
  /** The clock that decides when a period window's board has expired. */
  now?: () => number;
}

export function createInProcessLeaderboardStore(options: InProcessLeaderboardOptions = {}): LeaderboardStore {
  const now = options.now ?? Date.now;
  const boards = new Map<string, Board>();
  let lastSweep = now();
  let closed = false;

  const isExpired = (board: Board) => board.expiresAt !== null && board.expiresAt <= now();
  const ensureOpen = () => {
    if (closed) throw new Error('The leaderboard store is closed.');
  };

  /** The live board, or undefined (an expired one is dropped); validates the id either way. */
  const read = (id: string): Board | undefined => {
    expiryOfBoard(id);
    ensureOpen();
    const board = boards.get(id);
    if (board && isExpired(board)) boards.delete(id);
    return boards.get(id);
  };

  const sweep = () => {
    if (now() - lastSweep < SWEEP_INTERVAL_MS) return;
    lastSweep = now();
    for (const [id, board] of boards) if (isExpired(board)) boards.delete(id);
  };

  const apply = (board: Board, athleteId: string, delta: number) => {
    const current = board.entries.get(athleteId);
    const score = (current?.score ?? 0) + delta;
    if (current) board.ranking.remove(current.score, current.seq);
    if (Math.abs(score) < ZERO_SCORE_TOLERANCE) {
      board.entries.delete(athleteId);
      return;
    }
    board.seq += 1;
    board.entries.set(athleteId, board.ranking.insert({ score, seq: board.seq, athleteId }));
  };

  return {
    durable: false,
    async add(changes) {
      const grouped = groupChanges(changes);
      ensureOpen();
      sweep();
      for (const [id, deltas] of grouped) {
        let board = read(id);
        if (!board) {
          const expiresAt = expiryOfBoard(id);
          // A window already past its retention keeps nothing, as in Redis.
          if (expiresAt !== null && expiresAt <= now()) continue;
          board = { ranking: new RankedSkipList(), entries: new Map(), seq: 0, expiresAt };
          boards.set(id, board);
        }
        for (const [athleteId, delta] of deltas) apply(board, athleteId, delta);
        if (board.entries.size === 0) boards.delete(id);
      }
    },
    async top(id, limit, offset = 0) {
      checkPage(limit, offset);
      const board = read(id);
      if (!board || limit === 0) return [];
      return board.ranking
        .range(offset + 1, limit)
        .map((item, i) => ({ athleteId: item.athleteId, score: item.score, rank: offset + i + 1 }));
    },
    async rankOf(id, athleteId) {
      const entry = read(id)?.entries.get(athleteId);
      const board = boards.get(id);
      if (!entry || !board) return null;
      return { athleteId, score: entry.score, rank: board.ranking.rankOf(entry.score, entry.seq) };
    },
    async entriesOf(id, athleteIds) {
      const board = read(id);
      if (!board) return [];
      return [...new Set(athleteIds)]
        .flatMap((athleteId) => {
          const entry = board.entries.get(athleteId);
          return entry
            ? [{ athleteId, score: entry.score, rank: board.ranking.rankOf(entry.score, entry.seq) }]
            : [];
        })
        .sort((a, b) => a.rank - b.rank);
    },
    async size(id) {
      return read(id)?.entries.size ?? 0;
    },
    async clear(id) {
      read(id);
      boards.delete(id);
    },
    async close() {
      closed = true;
      boards.clear();
    },
  };
}
