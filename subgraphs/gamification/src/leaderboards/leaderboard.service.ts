/**
 * Reading leaderboards: pages, the caller's rank, and live changes for the leaderboardChanged subscription,
 * of every athlete or of a circle (the viewer and whom they follow, or a club's members): a circle's board is
 * the board's own entries of its members, in the board's order, ranked again from 1 (README).
 */
import type { Viewer } from '../../../../lib/auth/viewer';
import type { Clock } from '../../../../lib/clock';
import { NotFoundError } from '../../../../lib/errors/domain-error';
import { pageArgs, toConnection, type Connection } from '../../../../lib/graphql/relay';
import type { PubSub, PubSubSubscription } from '../../../../lib/pubsub/pubsub';
import type { ChallengeRepo } from '../challenges/challenge.repo';
import type { CircleRepo } from '../circles/circle.repo';
import { boardOfInput, scopeOfInput, type BoardInput, type BoardScope } from './board-input';
import { scopedBoardId } from './board-key';
import type { LeaderboardEntry, LeaderboardStore } from './leaderboard-store';
import { leaderboardChannel, TOP_SIZE, type LeaderboardUpdate } from './leaderboard-updates';
import { scopedBoardStream } from './scoped-board-stream';

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

/** A board as one viewer reads it: the stored board, the id shown, and the circle (null: everyone). */
interface ViewedBoard {
  board: string;
  id: string;
  members: string[] | null;
}

/** Which leaderboard an input names (and that a challenge's exists), its pages, ranks and live changes. */
export function createLeaderboardService(deps: {
  store: LeaderboardStore;
  pubsub: PubSub;
  challenges: Pick<ChallengeRepo, 'get'>;
  circles: Pick<CircleRepo, 'followeesOf' | 'clubMembers' | 'isClubMember'>;
  clock: Clock;
}) {
  const { store, pubsub, challenges, circles, clock } = deps;

  async function resolveBoard(input: BoardInput): Promise<string> {
    const { board, challengeId } = boardOfInput(input, clock.now());
    if (challengeId && !(await challenges.get(challengeId)))
      throw new NotFoundError('Challenge', challengeId);
    return board;
  }

  /** The circle a scope shows the viewer; NOT_FOUND for a club board the viewer is not a member of. */
  async function membersOf(viewer: Viewer, scope: BoardScope): Promise<string[] | null> {
    if (scope.kind === 'everyone') return null;
    if (scope.kind === 'friends') return [viewer.userId, ...(await circles.followeesOf(viewer.userId))];
    // A non-member learns nothing, not even whether the club exists.
    if (!(await circles.isClubMember(scope.clubId, viewer.userId)))
      throw new NotFoundError('Club board', scope.clubId);
    return circles.clubMembers(scope.clubId);
  }

  async function view(viewer: Viewer, input: BoardInput): Promise<ViewedBoard> {
    const scope = scopeOfInput(input);
    const board = await resolveBoard(input);
    const members = await membersOf(viewer, scope);
    if (scope.kind === 'everyone') return { board, id: board, members };
    const id = scopedBoardId(
      board,
      scope.kind === 'friends' ? { kind: 'friends', viewerId: viewer.userId } : scope,
    );
    return { board, id, members };
  }

  /** The members' entries in the board's order, ranked within the circle. */
  async function circleEntries(board: string, members: readonly string[]): Promise<LeaderboardEntry[]> {
    return (await store.entriesOf(board, members)).map((entry, i) => ({ ...entry, rank: i + 1 }));
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

  /** A page of a circle's board: the whole circle is read and ranked, then sliced (circles are small). */
  async function circlePageOf(
    { board, id }: ViewedBoard,
    members: readonly string[],
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<LeaderboardConnection> {
    const page = pageArgs(first, after, parseOffset);
    const offset = page.after === null ? 0 : page.after + 1;
    const entries = await circleEntries(board, members);
    const rows = entries.slice(offset, offset + page.limit + 1);
    return {
      board: id,
      totalCount: entries.length,
      ...toConnection(rows, page, (entry) => ({ offset: entry.rank - 1 })),
    };
  }

  return {
    async page(
      viewer: Viewer,
      input: BoardInput,
      first?: number | null,
      after?: string | null,
    ): Promise<LeaderboardConnection> {
      const viewed = await view(viewer, input);
      return viewed.members
        ? circlePageOf(viewed, viewed.members, first, after)
        : pageOf(viewed.board, first, after);
    },
    async myRank(viewer: Viewer, input: BoardInput): Promise<LeaderboardEntry | null> {
      const { board, members } = await view(viewer, input);
      if (!members) return store.rankOf(board, viewer.userId);
      const entries = await circleEntries(board, members);
      return entries.find((entry) => entry.athleteId === viewer.userId) ?? null;
    },
    async subscribe(viewer: Viewer, input: BoardInput): Promise<AsyncIterableIterator<unknown>> {
      const { board, id, members } = await view(viewer, input);
      const subscription = pubsub.subscribe(leaderboardChannel(board), { bufferSize: 64 });
      // Listening before reading the top: a change in between arrives as a message, never lost.
      await subscription.ready;
      if (!members) {
        const top = await store.top(board, TOP_SIZE);
        return withSnapshot(subscription, { board, top, moves: [] });
      }
      const scope = scopeOfInput(input);
      return scopedBoardStream({
        id,
        subscription,
        initial: await circleEntries(board, members),
        async circle() {
          const now = await membersOf(viewer, scope).catch((error: unknown) => {
            if (error instanceof NotFoundError) return null;
            throw error;
          });
          return now && { members: new Set(now), entries: await circleEntries(board, now) };
        },
      });
    },
  };
}
