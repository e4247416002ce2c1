import { fixedClock } from '../../../../lib/clock';
import { createInProcessPubSub } from '../../../../lib/pubsub/in-process-pubsub';
import { anAthlete } from '../gamification.builders';
import { fakeGamificationRepos } from '../gamification.fakes';
import { createInProcessLeaderboardStore } from './in-process-leaderboard-store';
import { createLeaderboardService } from './leaderboard.service';

const NOW = new Date('2026-11-20T12:00:00Z');
const weekDistance = { metric: 'DISTANCE' as const, period: 'WEEK' as const };
const WEEK_BOARD = 'period:DISTANCE:WEEK:ALL:2026-W47';
const viewer = anAthlete();

async function newTestLeaderboards(scores: number[] = []) {
  const { repos } = fakeGamificationRepos();
  const store = createInProcessLeaderboardStore({ now: () => NOW.getTime() });
  const pubsub = createInProcessPubSub();
  const athletes = scores.map(() => anAthlete());
  await store.add(athletes.map((a, i) => ({ board: WEEK_BOARD, athleteId: a.userId, delta: scores[i]! })));
  const leaderboards = createLeaderboardService({
    store,
    pubsub,
    challenges: repos.challenges,
    circles: repos.circles,
    clock: fixedClock(NOW),
  });
  return { leaderboards, store, pubsub, athletes, repos };
}

describe('page', () => {
  it("pages the current window's leaderboard as a Relay connection, leader first", async () => {
    const { leaderboards, athletes } = await newTestLeaderboards([300, 100, 200]);
    const first = await leaderboards.page(viewer, weekDistance, 2);
    expect(first).toMatchObject({ board: WEEK_BOARD, totalCount: 3 });
    expect(first.edges.map((e) => e.node.athleteId)).toEqual([athletes[0]!.userId, athletes[2]!.userId]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await leaderboards.page(viewer, weekDistance, 2, first.pageInfo.endCursor);
    expect(second.edges.map((e) => [e.node.athleteId, e.node.rank])).toEqual([[athletes[1]!.userId, 3]]);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('answers first: 0 with the size and whether entries follow', async () => {
    const { leaderboards } = await newTestLeaderboards([5]);
    expect(await leaderboards.page(viewer, weekDistance, 0)).toMatchObject({
      totalCount: 1,
      edges: [],
      pageInfo: { hasNextPage: true, startCursor: null },
    });
  });

  it('refuses a cursor it did not give and a first out of range', async () => {
    const { leaderboards } = await newTestLeaderboards();
    await expect(leaderboards.page(viewer, weekDistance, 10, 'nope')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'after' },
    });
    await expect(leaderboards.page(viewer, weekDistance, 101)).rejects.toMatchObject({
      details: { field: 'first' },
    });
  });

  it("answers NOT_FOUND for a challenge's leaderboard when there is no such challenge", async () => {
    const { leaderboards } = await newTestLeaderboards();
    await expect(leaderboards.page(viewer, { challengeId: crypto.randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('myRank and subscribe', () => {
  it("gives the caller's entry, or null off the leaderboard", async () => {
    const { leaderboards, athletes } = await newTestLeaderboards([10, 20]);
    expect(await leaderboards.myRank(athletes[0]!, weekDistance)).toMatchObject({ rank: 2, score: 10 });
    expect(await leaderboards.myRank(anAthlete(), weekDistance)).toBeNull();
  });

  it('starts a subscription with the current top', async () => {
    const { leaderboards, athletes, pubsub } = await newTestLeaderboards([10]);
    const messages = await leaderboards.subscribe(viewer, weekDistance);
    expect((await messages.next()).value).toEqual({
      board: WEEK_BOARD,
      top: [{ athleteId: athletes[0]!.userId, score: 10, rank: 1 }],
      moves: [],
    });
    await messages.return?.();
    await pubsub.close();
  });
});
