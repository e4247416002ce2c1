import { pino } from 'pino';
import { fixedClock } from '../../../../lib/clock';
import { createInProcessPubSub } from '../../../../lib/pubsub/in-process-pubsub';
import { anAthlete } from '../gamification.builders';
import { fakeGamificationRepos } from '../gamification.fakes';
import { createInProcessLeaderboardStore } from './in-process-leaderboard-store';
import type { LeaderboardEntry } from './leaderboard-store';
import { createLeaderboardUpdater, type LeaderboardUpdate } from './leaderboard-updates';
import { createLeaderboardService } from './leaderboard.service';

const NOW = new Date('2026-11-20T12:00:00Z');
const WEEK_BOARD = 'period:DISTANCE:WEEK:ALL:2026-W47';
const weekDistance = { metric: 'DISTANCE' as const, period: 'WEEK' as const };
const friends = { ...weekDistance, scope: 'FRIENDS' as const };
const CLUB = '0190f0a0-0000-7000-8000-0000000000c1';
const club = { ...weekDistance, scope: 'CLUB' as const, clubId: CLUB };
const at = new Date('2026-11-20T10:00:00Z');

/** Athletes scored on this week's distance board, one `add` each in the order given (ties: first comes first). */
async function newTestScopedBoards(scores: number[]) {
  const { repos } = fakeGamificationRepos();
  const store = createInProcessLeaderboardStore({ now: () => NOW.getTime() });
  const pubsub = createInProcessPubSub();
  const updater = createLeaderboardUpdater({ store, pubsub, logger: pino({ level: 'silent' }) });
  const athletes = scores.map(() => anAthlete());
  for (const [i, a] of athletes.entries())
    await store.add([{ board: WEEK_BOARD, athleteId: a.userId, delta: scores[i]! }]);
  const leaderboards = createLeaderboardService({
    store,
    pubsub,
    challenges: repos.challenges,
    circles: repos.circles,
    clock: fixedClock(NOW),
  });
  const follow = (follower: number, ...followees: number[]) =>
    Promise.all(
      followees.map((f) =>
        repos.circles.setFollow(athletes[follower]!.userId, athletes[f]!.userId, true, at),
      ),
    );
  const join = (...members: number[]) =>
    Promise.all(members.map((m) => repos.circles.setClubMember(CLUB, athletes[m]!.userId, true, at)));
  /** The whole board, restricted to some athletes and ranked from 1 again. */
  const globalAmong = async (members: number[]) => {
    const ids = new Set(members.map((m) => athletes[m]!.userId));
    return (await store.top(WEEK_BOARD, 100))
      .filter((e) => ids.has(e.athleteId))
      .map((e, i) => ({ ...e, rank: i + 1 }));
  };
  return { leaderboards, store, pubsub, updater, athletes, repos, follow, join, globalAmong };
}

const nodes = (connection: { edges: { node: LeaderboardEntry }[] }) => connection.edges.map((e) => e.node);

describe('friends boards', () => {
  it('shows the viewer and whom they follow as the whole board does, ties included, ranked from 1', async () => {
    // 0 and 2 tie at 500 (0 first), 3 and 4 at 200 (3 first); 5 is not followed.
    const t = await newTestScopedBoards([500, 900, 500, 200, 200, 1_000]);
    await t.follow(2, 0, 3, 4);
    const viewer = t.athletes[2]!;
    const board = await t.leaderboards.page(viewer, friends, 10);
    expect(board.board).toBe(`${WEEK_BOARD}@friends:${viewer.userId}`);
    expect(board.totalCount).toBe(4);
    expect(nodes(board)).toEqual(await t.globalAmong([0, 2, 3, 4]));
    expect(nodes(board).map((e) => [e.athleteId, e.score, e.rank])).toEqual([
      [t.athletes[0]!.userId, 500, 1],
      [viewer.userId, 500, 2],
      [t.athletes[3]!.userId, 200, 3],
      [t.athletes[4]!.userId, 200, 4],
    ]);
    expect(await t.leaderboards.myRank(viewer, friends)).toEqual({
      athleteId: viewer.userId,
      score: 500,
      rank: 2,
    });
    expect(await t.leaderboards.myRank(viewer, weekDistance)).toMatchObject({ rank: 4 });
  });

  it('pages with cursors like the whole board', async () => {
    const t = await newTestScopedBoards(Array.from({ length: 12 }, (_, i) => (i % 4) * 100 + 100));
    await t.follow(0, ...Array.from({ length: 10 }, (_, i) => i + 1));
    const viewer = t.athletes[0]!;
    const pages = [await t.leaderboards.page(viewer, friends, 4)];
    while (pages.at(-1)!.pageInfo.hasNextPage)
      pages.push(await t.leaderboards.page(viewer, friends, 4, pages.at(-1)!.pageInfo.endCursor));
    expect(pages.map((p) => p.edges.length)).toEqual([4, 4, 3]);
    expect(pages.map((p) => p.pageInfo.hasPreviousPage)).toEqual([false, true, true]);
    expect(pages.flatMap(nodes)).toEqual(await t.globalAmong(Array.from({ length: 11 }, (_, i) => i)));
    expect(pages.every((p) => p.totalCount === 11)).toBe(true);
  });

  it('leaves out an athlete in a block with the viewer, whoever blocked, even if the follow remains', async () => {
    const t = await newTestScopedBoards([100, 200, 300]);
    await t.follow(0, 1, 2);
    const [viewer, blocked, blocker] = t.athletes as [
      (typeof t.athletes)[0],
      (typeof t.athletes)[0],
      (typeof t.athletes)[0],
    ];
    await t.repos.circles.setBlock(viewer.userId, blocked.userId, true, at);
    await t.repos.circles.setBlock(blocker.userId, viewer.userId, true, at);
    expect(nodes(await t.leaderboards.page(viewer, friends))).toEqual(await t.globalAmong([0]));
  });

  it('shows the viewer alone, or nobody, without follows', async () => {
    const t = await newTestScopedBoards([100]);
    expect(nodes(await t.leaderboards.page(t.athletes[0]!, friends))).toEqual(await t.globalAmong([0]));
    const newcomer = anAthlete();
    expect(await t.leaderboards.page(newcomer, friends)).toMatchObject({ totalCount: 0, edges: [] });
    expect(await t.leaderboards.myRank(newcomer, friends)).toBeNull();
  });
});

describe('club boards', () => {
  it("shows the club's members to a member, and NOT_FOUND to anyone else, as for a club without a board", async () => {
    const t = await newTestScopedBoards([300, 100, 200, 400]);
    await t.join(0, 1, 2);
    const board = await t.leaderboards.page(t.athletes[1]!, club);
    expect(board).toMatchObject({ board: `${WEEK_BOARD}@club:${CLUB}`, totalCount: 3 });
    expect(nodes(board)).toEqual(await t.globalAmong([0, 1, 2]));
    expect(await t.leaderboards.myRank(t.athletes[1]!, club)).toMatchObject({ rank: 3, score: 100 });
    for (const outsider of [t.athletes[3]!, anAthlete()])
      await expect(t.leaderboards.page(outsider, club)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(t.leaderboards.myRank(t.athletes[3]!, club)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const noClub = { ...club, clubId: '0190f0a0-0000-7000-8000-0000000000ff' };
    await expect(t.leaderboards.page(t.athletes[0]!, noClub)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers BAD_USER_INPUT for a club scope without a club and a club id without the club scope', async () => {
    const t = await newTestScopedBoards([]);
    const viewer = anAthlete();
    await expect(t.leaderboards.page(viewer, { ...weekDistance, scope: 'CLUB' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'board.clubId' },
    });
    await expect(t.leaderboards.page(viewer, { ...friends, clubId: CLUB })).rejects.toMatchObject({
      details: { field: 'board.clubId' },
    });
  });
});

describe('leaderboardChanged on a friends or club board', () => {
  const next = async (messages: AsyncIterableIterator<unknown>) => {
    const { done, value } = await messages.next();
    return { done, value: value as LeaderboardUpdate };
  };

  it("sends the circle's top and ranks when a member's score moves, and nothing for anyone else's", async () => {
    const t = await newTestScopedBoards([300, 200, 100, 1_000]);
    await t.follow(2, 0, 1);
    const [a0, a1, viewer, stranger] = t.athletes.map((a) => a.userId) as [string, string, string, string];
    const messages = await t.leaderboards.subscribe(t.athletes[2]!, friends);
    expect((await next(messages)).value).toEqual({
      board: `${WEEK_BOARD}@friends:${viewer}`,
      top: await t.globalAmong([0, 1, 2]),
      moves: [],
    });
    await t.updater.apply([{ board: WEEK_BOARD, athleteId: stranger, delta: 50 }]);
    await t.updater.apply([{ board: WEEK_BOARD, athleteId: viewer, delta: 250 }]);
    const moved = (await next(messages)).value;
    expect(moved.top.map((e) => [e.athleteId, e.score, e.rank])).toEqual([
      [viewer, 350, 1],
      [a0, 300, 2],
      [a1, 200, 3],
    ]);
    expect(moved.moves).toEqual([{ athleteId: viewer, from: 3, to: 1, score: 350 }]);

    // A new follow counts from the next change on.
    await t.follow(2, 3);
    await t.updater.apply([{ board: WEEK_BOARD, athleteId: stranger, delta: 1 }]);
    expect((await next(messages)).value.moves).toEqual([
      { athleteId: stranger, from: null, to: 1, score: 1_051 },
    ]);
    await messages.return?.();
    await t.pubsub.close();
  });

  it('ends the stream of a club board when the subscriber leaves the club', async () => {
    const t = await newTestScopedBoards([300, 200]);
    await t.join(0, 1);
    const messages = await t.leaderboards.subscribe(t.athletes[0]!, club);
    expect((await next(messages)).value.top).toHaveLength(2);
    await t.repos.circles.setClubMember(CLUB, t.athletes[0]!.userId, false, new Date());
    await t.updater.apply([{ board: WEEK_BOARD, athleteId: t.athletes[1]!.userId, delta: 5 }]);
    expect((await next(messages)).done).toBe(true);
    await expect(t.leaderboards.subscribe(t.athletes[0]!, club)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await t.pubsub.close();
  });
});
