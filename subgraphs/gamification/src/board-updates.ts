/**
 * Applies board changes to the leaderboard store and tells `leaderboardChanged` subscribers: per changed
 * board that someone watches, the new top and the moves (the athletes whose score changed, rank before and
 * after). Boards are not transactional with the database: a failure here is logged, and a rebuild from the
 * ledger (rebuildBoards) restores them.
 */
import type { Logger } from '../../../lib/logging/logger';
import type { PubSub } from '../../../lib/pubsub/pubsub';
import { mergeChanges, type BoardChange } from './board-contributions';
import type { BoardEntry, LeaderboardStore } from './leaderboards';

/** How many entries a leaderboardChanged message carries. */
export const TOP_SIZE = 10;

export const boardChannel = (board: string) => `gamification.board.${board}`;

/** One athlete's move, as the pub/sub message carries it. */
export interface BoardMove {
  athleteId: string;
  from: number | null;
  to: number | null;
  score: number;
}

/** A leaderboardChanged message (JSON-safe). */
export interface BoardUpdateMessage {
  board: string;
  top: BoardEntry[];
  moves: BoardMove[];
}

export type BoardUpdater = ReturnType<typeof createBoardUpdater>;

export function createBoardUpdater(deps: { store: LeaderboardStore; pubsub: PubSub; logger: Logger }) {
  const { store, pubsub, logger } = deps;

  async function ranksOf(board: string, athletes: readonly string[]) {
    return new Map(await Promise.all(athletes.map(async (a) => [a, await store.rankOf(board, a)] as const)));
  }

  async function apply(changes: readonly BoardChange[]): Promise<void> {
    const merged = mergeChanges(changes);
    if (merged.length === 0) return;
    const byBoard = new Map<string, string[]>();
    for (const change of merged)
      byBoard.set(change.board, [...(byBoard.get(change.board) ?? []), change.athleteId]);
    // Moves are computed only for boards someone is subscribed to.
    const watched = (
      await Promise.all(
        [...byBoard.keys()].map(async (board) =>
          (await pubsub.hasSubscribers(boardChannel(board))) ? board : null,
        ),
      )
    ).filter((board): board is string => board !== null);
    const before = new Map(
      await Promise.all(
        watched.map(async (board) => [board, await ranksOf(board, byBoard.get(board)!)] as const),
      ),
    );
    await store.add(merged);
    await Promise.all(
      watched.map(async (board) => {
        const athletes = byBoard.get(board)!;
        const [after, top] = await Promise.all([ranksOf(board, athletes), store.top(board, TOP_SIZE)]);
        const moves = athletes.map((athleteId) => ({
          athleteId,
          from: before.get(board)?.get(athleteId)?.rank ?? null,
          to: after.get(athleteId)?.rank ?? null,
          score: after.get(athleteId)?.score ?? 0,
        }));
        await pubsub.publish(boardChannel(board), { board, top, moves } satisfies BoardUpdateMessage);
      }),
    );
  }

  return {
    /** Never throws: the database already committed; a failure leaves the boards for a rebuild to fix. */
    async apply(changes: readonly BoardChange[]): Promise<void> {
      try {
        await apply(changes);
      } catch (error) {
        logger.error({ err: error, changes: changes.length }, 'leaderboard update failed: run a rebuild');
      }
    },
  };
}
