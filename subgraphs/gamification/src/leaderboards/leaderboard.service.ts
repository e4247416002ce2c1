/** Reading leaderboards: pages, the caller's rank, and live changes for the leaderboardChanged subscription. */
import type { Viewer } from '../../../../lib/auth/viewer';
import type { Clock } from '../../../../lib/clock';
import { NotFoundError } from '../../../../lib/errors/domain-error';
import { pageArgs, toConnection, type Connection } from '../../../../lib/graphql/relay';
import type { PubSub, PubSubSubscription } from '../../../../lib/pubsub/pubsub';
import type { ChallengeRepo } from '../challenges/challenge.repo';
import { boardOfInput, type BoardInput } from './board-input';
import type { LeaderboardEntry, LeaderboardStore } from './leaderboard-store';
import { leaderboardChannel, TOP_SIZE, type LeaderboardUpdate } from './leaderboard-updates';

/** A page of a leaderboard as a Relay connection, with the board's id and size. */
export interface LeaderboardConnection extends Connection<LeaderboardEntry> {
  board: string;
  totalCount: number;
}

/** Cursors are positions on the board (a board has no stable key to page on: scores move). */
const parseOffset = (raw: unknown): number | null =>
  typeof raw === 'object' &&
  raw !== null &&
  'offset' in raw &&
  Number.isInteger(raw.offset) &&
  Number(raw.offset) >= 0
    ? Number(raw.offset)
    : null;

export type LeaderboardService = ReturnType<typeof createLeaderboardService>;

/** Which leaderboard an input names (and that a challenge's exists), its pages, ranks and live changes. */
export function createLeaderboardService(deps: {
  store: LeaderboardStore;
  pubsub: PubSub;
  challenges: Pick<ChallengeRepo, 'get'>;
  clock: Clock;
}) {
  const { store, pubsub, challenges, clock } = deps;

  async function resolveBoard(input: BoardInput): Promise<string> {
    const { board, challengeId } = boardOfInput(input, clock.now());
    if (challengeId && !(await challenges.get(challengeId)))
      throw new NotFoundError('Challenge', challengeId);
    return board;
  }

  async function pageOf(
    board: string,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<LeaderboardConnection> {
    const page = pageArgs(first, after, parseOffset);
    const offset = page.after === null ? 0 : page.after + 1;
    // One entry more than asked: it only says whether a next page follows.
    const [entries, totalCount] = await Promise.all([
      store.top(board, page.limit + 1, offset),
      store.size(board),
    ]);
    // An entry's position is its rank (ranks are distinct): the cursor of the entry at rank r is offset r - 1.
    return { board, totalCount, ...toConnection(entries, page, (entry) => ({ offset: entry.rank - 1 })) };
  }

  /** The subscription's messages: the board's current top at once, then each change. */
  function withSnapshot(
    subscription: PubSubSubscription,
    snapshot: LeaderboardUpdate,
  ): AsyncIterableIterator<unknown> {
    let first: LeaderboardUpdate | null = snapshot;
    const iterator: AsyncIterableIterator<unknown> = {
      async next() {
        if (first) {
          const value = first;
          first = null;
          return { done: false, value };
        }
        return subscription.next();
      },
      return: () => subscription.return(),
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  return {
    async page(
      input: BoardInput,
      first?: number | null,
      after?: string | null,
    ): Promise<LeaderboardConnection> {
      return pageOf(await resolveBoard(input), first, after);
    },
    async myRank(viewer: Viewer, input: BoardInput): Promise<LeaderboardEntry | null> {
      return store.rankOf(await resolveBoard(input), viewer.userId);
    },
    async subscribe(input: BoardInput): Promise<AsyncIterableIterator<unknown>> {
      const board = await resolveBoard(input);
      const subscription = pubsub.subscribe(leaderboardChannel(board), { bufferSize: 64 });
      // Listening before reading the top: a change in between arrives as a message, never lost.
      await subscription.ready;
      const top = await store.top(board, TOP_SIZE);
      return withSnapshot(subscription, { board, top, moves: [] });
    },
  };
}
