/**
 * Applies score changes to the leaderboard store and tells `leaderboardChanged` subscribers: per changed
 * board that someone watches, the new top and the moves (the athletes whose score changed, rank before and
 * after). Leaderboards are not transactional with the database: a failure here is logged, and a rebuild from the
 * ledger (rebuildLeaderboards) restores them.
 */
import type { Logger } from '../../../../lib/logging/logger';
import type { PubSub } from '../../../../lib/pubsub/pubsub';
import { mergeChanges } from './leaderboard-contributions';
import type { LeaderboardEntry, LeaderboardStore, ScoreChange } from './leaderboard-store';

/** How many entries a leaderboardChanged message carries. */
export const TOP_SIZE = 10;

export const leaderboardChannel = (board: string) => `gamification.board.${board}`;

/** One athlete's move, as the pub/sub message carries it. */
export interface LeaderboardMove {
  athleteId: string;
  from: number | null;
  to: number | null;
  score: number;
}

/** A leaderboardChanged message (JSON-safe). */
export interface LeaderboardUpdate {
  board: string;
  top: LeaderboardEntry[];
  moves: LeaderboardMove[];
}

export type LeaderboardUpdater = ReturnType<typeof createLeaderboardUpdater>;

export function createLeaderboardUpdater(deps: { store: LeaderboardStore; pubsub: PubSub; logger: Logger }) {
  const { store, pubsub, logger } = deps;

  async function ranksOf(board: string, athletes: readonly string[]) {
    return new Map(await Promise.all(athletes.map(async (a) => [a, await store.rankOf(board, a)] as const)));
  }

  async function apply(changes: readonly ScoreChange[]): Promise<void> {
    const merged = mergeChanges(changes);
    if (merged.length === 0) return;
    const byBoard = new Map<string, string[]>();
    for (const change of merged)
      byBoard.set(change.board, [...(byBoard.get(change.board) ?? []), change.athleteId]);
    // Moves are computed only for boards someone is subscribed to.
    const watched = (
      await Promise.all(
        [...byBoard.keys()].map(async (board) =>
          (await pubsub.hasSubscribers(leaderboardChannel(board))) ? board : null,
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
        await pubsub.publish(leaderboardChannel(board), { board, top, moves } satisfies LeaderboardUpdate);
      }),
    );
  }

  return {
    /** Never throws: the database already committed; a failure leaves the boards for a rebuild to fix. */
    async apply(changes: readonly ScoreChange[]): Promise<void> {
      try {
        await apply(changes);
      } catch (error) {
        logger.error({ err: error, changes: changes.length }, 'leaderboard update failed: run a rebuild');
      }
    },
  };
}
