/** Reading leaderboards: pages, the caller's rank, and live changes for the leaderboardChanged subscription. */
import type { Viewer } from '../../../lib/auth/viewer';
import { NotFoundError } from '../../../lib/errors/domain-error';
import { pageArgs } from '../../../lib/graphql/relay';
import type { PubSub, PubSubSubscription } from '../../../lib/pubsub/pubsub';
import { boardOfInput, type BoardInput } from './board-input';
import { boardChannel, TOP_SIZE, type BoardUpdateMessage } from './board-updates';
import type { ChallengeRepo } from './challenge.repo';
import type { BoardEntry, LeaderboardStore } from './leaderboards';

/** A page of a board: entries from `offset`, and whether more follow. */
export interface BoardPage {
  board: string;
  totalCount: number;
  entries: BoardEntry[];
  offset: number;
  hasNextPage: boolean;
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

export function createLeaderboardService(deps: {
  store: LeaderboardStore;
  pubsub: PubSub;
  challenges: ChallengeRepo;
  clock: { now(): Date };
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
  ): Promise<BoardPage> {
    const page = pageArgs(first, after, parseOffset);
    const offset = page.after === null ? 0 : page.after + 1;
    const [entries, totalCount] = await Promise.all([
      page.limit === 0 ? Promise.resolve([]) : store.top(board, page.limit, offset),
      store.size(board),
    ]);
    return { board, totalCount, entries, offset, hasNextPage: offset + entries.length < totalCount };
  }

  /** The subscription's messages: the board's current top at once, then each change. */
  function withSnapshot(
    subscription: PubSubSubscription,
    snapshot: BoardUpdateMessage,
  ): AsyncIterableIterator<unknown> {
    let first: BoardUpdateMessage | null = snapshot;
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
    resolveBoard,
    async page(input: BoardInput, first?: number | null, after?: string | null): Promise<BoardPage> {
      return pageOf(await resolveBoard(input), first, after);
    },
    pageOf,
    async myRank(viewer: Viewer, input: BoardInput): Promise<BoardEntry | null> {
      return store.rankOf(await resolveBoard(input), viewer.userId);
    },
    async subscribe(input: BoardInput): Promise<AsyncIterableIterator<unknown>> {
      const board = await resolveBoard(input);
      const subscription = pubsub.subscribe(boardChannel(board), { bufferSize: 64 });
      // Listening before reading the top: a change in between arrives as a message, never lost.
      await subscription.ready;
      const top = await store.top(board, TOP_SIZE);
      return withSnapshot(subscription, { board, top, moves: [] });
    },
  };
}
