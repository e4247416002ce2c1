import { useFixture } from '../../../../lib/testing/fixture';
import { availableDatabaseKinds } from '../../../../lib/testing/test-databases';
import { anAthlete, aWorkoutSummary, events } from '../gamification.builders';
import { openTestGamification } from '../gamification.test-db';
import type { LeaderboardEntry } from '../leaderboards/leaderboard-store';

const WEEK_BOARD = 'period:DISTANCE:WEEK:ALL:2026-W47';
const weekDistance = { metric: 'DISTANCE' as const, period: 'WEEK' as const, window: '2026-W47' };
const friends = { ...weekDistance, scope: 'FRIENDS' as const };
const CLUB = '0190f0a0-0000-7000-8000-0000000000c1';
const club = { ...weekDistance, scope: 'CLUB' as const, clubId: CLUB };
const nodes = (connection: { edges: { node: LeaderboardEntry }[] }) => connection.edges.map((e) => e.node);

describe.each(availableDatabaseKinds())('friends and club boards on %s', (kind) => {
  const g = useFixture(() => openTestGamification(kind));

  /** Athletes with one run each this week, credited in the order given (equal distances: first comes first). */
  async function athletesWithRuns(distances: number[]) {
    const athletes = distances.map(() => anAthlete());
    for (const [i, athlete] of athletes.entries())
      await g().deliver(
        events.completed(aWorkoutSummary({ userId: athlete.userId, distanceMeters: distances[i]! })),
      );
    return athletes.map((a) => a.userId);
  }
  /** The whole board restricted to these athletes and ranked from 1 again. */
  const globalAmong = async (ids: string[]) =>
    (await g().store.top(WEEK_BOARD, 100))
      .filter((e) => ids.includes(e.athleteId))
      .map((e, i) => ({ ...e, rank: i + 1 }));
  const friendsOf = async (userId: string) =>
    nodes(await g().leaderboards.page({ userId, roles: ['ATHLETE'] }, friends, 100));
  const rowsOf = async (userId: string) => ({
    follows: await g().prisma.follow.count({
      where: { OR: [{ followerId: userId }, { followeeId: userId }] },
    }),
    blocks: await g().prisma.block.count({ where: { OR: [{ blockerId: userId }, { blockedId: userId }] } }),
    clubs: await g().prisma.clubMember.count({ where: { userId } }),
  });

  it('ranks the viewer and the athletes they follow as the whole board does, ties and pages included', async () => {
    const [ann, bob, cid, dan, eve] = await athletesWithRuns([5_000, 8_000, 5_000, 3_000, 9_000]);
    for (const followee of [bob!, cid!, dan!]) await g().deliver(events.followAccepted(ann!, followee));
    await g().deliver(events.followAccepted(eve!, ann!));

    const viewer = { userId: ann!, roles: ['ATHLETE' as const] };
    const first = await g().leaderboards.page(viewer, friends, 2);
    const second = await g().leaderboards.page(viewer, friends, 2, first.pageInfo.endCursor);
    expect([...nodes(first), ...nodes(second)]).toEqual(await globalAmong([ann!, bob!, cid!, dan!]));
    expect([...nodes(first), ...nodes(second)].map((e) => e.athleteId)).toEqual([bob, ann, cid, dan]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(await g().leaderboards.myRank(viewer, friends)).toMatchObject({ rank: 2, score: 5_000 });

    await g().deliver(events.followRemoved(ann!, bob!));
    expect((await friendsOf(ann!)).map((e) => e.athleteId)).toEqual([ann, cid, dan]);
  });

  it('keeps a blocked pair off each other’s friends board whoever blocked, and replays write nothing twice', async () => {
    const [ann, bob] = await athletesWithRuns([5_000, 8_000]);
    const accepted = events.followAccepted(ann!, bob!, '2026-11-20T09:00:00.000Z');
    await g().deliver(accepted);
    await g().deliver(events.followAccepted(bob!, ann!, '2026-11-20T09:00:00.000Z'));
    const blocked = events.blocked(bob!, ann!, '2026-11-20T10:00:00.000Z');
    await g().deliver(blocked);
    expect((await friendsOf(ann!)).map((e) => e.athleteId)).toEqual([ann]);
    expect((await friendsOf(bob!)).map((e) => e.athleteId)).toEqual([bob]);

    await g().deliver(events.unblocked(bob!, ann!, '2026-11-20T11:00:00.000Z'));
    // The block delivered again (a redelivery) neither writes nor undoes the later unblock.
    await g().deliver(blocked);
    await g().deliver(accepted);
    expect((await friendsOf(ann!)).map((e) => e.athleteId)).toEqual([bob, ann]);
    expect(await g().prisma.follow.count({ where: { followerId: { in: [ann!, bob!] } } })).toBe(2);
    expect(await g().prisma.block.findMany({ where: { blockerId: { in: [ann!, bob!] } } })).toEqual([
      { blockerId: bob, blockedId: ann, blocking: false, changedAt: new Date('2026-11-20T11:00:00.000Z') },
    ]);
  });

  it("shows a club's current members to its members only, and follows its joins and leaves", async () => {
    const [ann, bob, cid, dan] = await athletesWithRuns([5_000, 8_000, 6_000, 9_000]);
    for (const member of [ann!, bob!, cid!]) await g().deliver(events.clubJoined(CLUB, member));
    const member = { userId: cid!, roles: ['ATHLETE' as const] };
    expect(nodes(await g().leaderboards.page(member, club))).toEqual(await globalAmong([ann!, bob!, cid!]));
    await expect(g().leaderboards.page({ userId: dan!, roles: ['ATHLETE'] }, club)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    await g().deliver(events.clubLeft(CLUB, bob!));
    expect(nodes(await g().leaderboards.page(member, club))).toEqual(await globalAmong([ann!, cid!]));
    expect(await g().leaderboards.myRank(member, club)).toMatchObject({ rank: 1, score: 6_000 });
    await g().deliver(events.clubLeft(CLUB, cid!));
    await expect(g().leaderboards.page(member, club)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("erases a deleted account's follows, blocks and memberships on both sides, and no one else's", async () => {
    const [ann, bob, cid] = await athletesWithRuns([5_000, 8_000, 6_000]);
    await g().deliver(events.followAccepted(ann!, bob!));
    await g().deliver(events.followAccepted(cid!, ann!));
    await g().deliver(events.followAccepted(cid!, bob!));
    await g().deliver(events.blocked(bob!, ann!));
    await g().deliver(events.clubJoined(CLUB, ann!));
    await g().deliver(events.clubJoined(CLUB, cid!));

    await g().deliver(events.userDeleted(ann!));

    expect(await rowsOf(ann!)).toEqual({ follows: 0, blocks: 0, clubs: 0 });
    expect(await rowsOf(cid!)).toEqual({ follows: 1, blocks: 0, clubs: 1 });
    expect((await friendsOf(cid!)).map((e) => e.athleteId)).toEqual([bob, cid]);
  });
});
