/**
 * `leaderboardChanged` for a friends or club board: the board's own change stream, filtered per subscriber.
 * Only the circle's members' scores move a circle's board (their order among themselves depends on nothing
 * else), so a change that moves no member is skipped; one that does gives the circle's new top and each
 * moved member's rank in the circle before (as this stream last sent it) and after. The circle is read
 * again for every change of the board (a follow, unfollow, block or club change counts from the next
 * change on); a subscriber who is no longer in the club sees the stream end.
 */
import type { PubSubSubscription } from '../../../../lib/pubsub/pubsub';
import type { LeaderboardEntry } from './leaderboard-store';
import { TOP_SIZE, type LeaderboardUpdate } from './leaderboard-updates';

export interface ScopedBoardStreamDeps {
  /** The scoped board's id, as the API shows it. */
  id: string;
  /** The subscription to the board's own changes (its `ready` already awaited). */
  subscription: PubSubSubscription;
  /** The circle now and its entries, ranked within it; null when the subscriber may no longer read it. */
  circle(): Promise<{ members: ReadonlySet<string>; entries: LeaderboardEntry[] } | null>;
  /** The circle's entries when the subscription started. */
  initial: LeaderboardEntry[];
}

export function scopedBoardStream(deps: ScopedBoardStreamDeps): AsyncIterableIterator<unknown> {
  const { id, subscription } = deps;
  let snapshot: LeaderboardUpdate | null = { board: id, top: deps.initial.slice(0, TOP_SIZE), moves: [] };
  let ranks = new Map(deps.initial.map((entry) => [entry.athleteId, entry.rank]));

  async function nextChange(): Promise<IteratorResult<unknown>> {
    for (;;) {
      const message = await subscription.next();
      if (message.done) return message;
      const { moves } = message.value as LeaderboardUpdate;
      const circle = await deps.circle();
      if (circle === null) return subscription.return();
      const moved = moves.filter((move) => circle.members.has(move.athleteId));
      if (moved.length === 0) continue;
      const after = new Map(circle.entries.map((entry) => [entry.athleteId, entry]));
      const update: LeaderboardUpdate = {
        board: id,
        top: circle.entries.slice(0, TOP_SIZE),
        moves: moved.map(({ athleteId }) => ({
          athleteId,
          from: ranks.get(athleteId) ?? null,
          to: after.get(athleteId)?.rank ?? null,
          score: after.get(athleteId)?.score ?? 0,
        })),
      };
      ranks = new Map(circle.entries.map((entry) => [entry.athleteId, entry.rank]));
      return { done: false, value: update };
    }
  }

  const iterator: AsyncIterableIterator<unknown> = {
    async next() {
      if (snapshot) {
        const value = snapshot;
        snapshot = null;
        return { done: false, value };
      }
      return nextChange();
    },
    return: () => subscription.return(),
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
