import { anEvent } from '../../../../lib/testing/test-events';
import { availableDatabaseKinds } from '../../../../lib/testing/test-databases';
import { openTestSocial, type TestSocial } from '../social.test-db';
import { activityIdOf } from '../workouts/workout.repo';
import { FEED_CAP } from './feed.repo';

const day = (n: number) => new Date(Date.UTC(2026, 10, 1) + n * 86_400_000).toISOString();

describe.each(availableDatabaseKinds())('the activity feed (%s)', (kind) => {
  let social: TestSocial;
  let ann: string;
  let bob: string;

  beforeEach(async () => {
    social = await openTestSocial(kind);
    ann = await social.athlete('Ann');
    bob = await social.athlete('Bob');
  });
  afterEach(() => social.close());

  const feedOf = async (viewerId: string, first = 20, after?: string) =>
    social.feed.page(viewerId, first, after);
  const workoutsIn = async (viewerId: string) =>
    (await feedOf(viewerId, 100)).edges.map((edge) => edge.node.workoutId);

  it('fans a finished workout out to its owner and followers who may see it, newest first', async () => {
    await social.follows.follow(ann, bob);
    const older = await social.finished(bob, { startedAt: day(1) });
    const newer = await social.finished(bob, { startedAt: day(2), visibility: 'PUBLIC' });
    const secret = await social.finished(bob, { startedAt: day(3), visibility: 'PRIVATE' });
    expect(await workoutsIn(ann)).toEqual([newer.workoutId, older.workoutId]);
    expect(await workoutsIn(bob)).toEqual([secret.workoutId, newer.workoutId, older.workoutId]);
    const item = (await feedOf(ann)).edges[0]!.node;
    expect(item).toMatchObject({ actorId: bob, verb: 'WORKOUT', activityId: activityIdOf(newer.workoutId) });
  });

  it('does not fan out twice when the event comes again, nor workouts still being recorded', async () => {
    await social.follows.follow(ann, bob);
    const run = await social.finished(bob);
    await social.deliver(anEvent('training.workout.completed', run));
    await social.deliver(
      anEvent('training.workout.updated', {
        ...run,
        workoutId: run.workoutId.replace(/.$/, '0'),
        status: 'IN_PROGRESS',
      }),
    );
    expect(await workoutsIn(ann)).toEqual([run.workoutId]);
  });

  it('merges recent workouts on a new follow and takes them out when it ends', async () => {
    const run = await social.finished(bob, { visibility: 'FOLLOWERS' });
    expect(await workoutsIn(ann)).toEqual([]);
    await social.follows.follow(ann, bob);
    expect(await workoutsIn(ann)).toEqual([run.workoutId]);
    await social.follows.unfollow(ann, bob);
    expect(await workoutsIn(ann)).toEqual([]);
  });

  it('checks visibility and blocks again when read; withdraws a workout made private', async () => {
    await social.follows.follow(ann, bob);
    const run = await social.finished(bob);
    await social.deliver(anEvent('training.workout.updated', { ...run, visibility: 'PRIVATE' }));
    expect(await workoutsIn(ann)).toEqual([]);
    await social.deliver(anEvent('training.workout.updated', { ...run, visibility: 'PUBLIC' }));
    expect(await workoutsIn(ann)).toEqual([run.workoutId]);
    // A block written straight into the table (no unmerge): the read still hides it.
    await social.prisma.block.create({ data: { blockerId: bob, blockedId: ann, blockedAt: new Date() } });
    expect(await workoutsIn(ann)).toEqual([]);
  });

  it('forgets a deleted workout everywhere', async () => {
    await social.follows.follow(ann, bob);
    const run = await social.finished(bob);
    await social.deliver(
      anEvent('training.workout.deleted', { workoutId: run.workoutId, userId: bob, deletedAt: day(9) }),
    );
    expect(await workoutsIn(ann)).toEqual([]);
    expect(await workoutsIn(bob)).toEqual([]);
    expect(await social.repos.workouts.find(run.workoutId)).toBeNull();
  });

  it('keeps the newest FEED_CAP entries of a feed, give or take the few since its last trim', async () => {
    await social.follows.follow(ann, bob);
    const hour = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
    for (let i = 0; i < FEED_CAP + 40; i++) await social.finished(bob, { startedAt: hour(i) });
    const held = await social.prisma.feedEntry.count({ where: { viewerId: ann } });
    expect(held).toBeGreaterThanOrEqual(FEED_CAP);
    expect(held).toBeLessThan(FEED_CAP + 30);
    await social.repos.feed.trim([ann]);
    expect(await social.prisma.feedEntry.count({ where: { viewerId: ann } })).toBe(FEED_CAP);
    const first = (await feedOf(ann, 1)).edges[0]!.node;
    expect(first.occurredAt.toISOString()).toBe(hour(FEED_CAP + 39));
    const oldestKept = await social.prisma.feedEntry.findFirst({
      where: { viewerId: ann },
      orderBy: { occurredAt: 'asc' },
    });
    expect(oldestKept!.occurredAt.toISOString()).toBe(hour(40));
  }, 180_000);

  it('pages with cursors that neither repeat nor skip when new items arrive between pages', async () => {
    await social.follows.follow(ann, bob);
    const runs = [];
    for (let i = 1; i <= 7; i++) runs.push(await social.finished(bob, { startedAt: day(i) }));
    const first = await feedOf(ann, 3);
    // Between pages: one newer than everything, one older than all.
    await social.finished(bob, { startedAt: day(20) });
    const oldest = await social.finished(bob, { startedAt: day(0) });
    const second = await feedOf(ann, 3, first.pageInfo.endCursor!);
    const third = await feedOf(ann, 3, second.pageInfo.endCursor!);
    const ids = (page: typeof first) => page.edges.map((e) => e.node.workoutId);
    expect(ids(first)).toEqual([runs[6]!.workoutId, runs[5]!.workoutId, runs[4]!.workoutId]);
    expect([...ids(second), ...ids(third)]).toEqual([
      runs[3]!.workoutId,
      runs[2]!.workoutId,
      runs[1]!.workoutId,
      runs[0]!.workoutId,
      oldest.workoutId,
    ]);
    expect(third.pageInfo.hasNextPage).toBe(false);
  });

  it('merges athletes with very many followers at read time instead of fanning them out', async () => {
    await social.close();
    social = await openTestSocial(kind, { env: { SOCIAL_FANOUT_MAX_FOLLOWERS: '1' } });
    const star = await social.athlete('Star');
    const [a, b] = [await social.athlete('A'), await social.athlete('B')];
    await social.follows.follow(a, star);
    await social.follows.follow(b, star);
    const run = await social.finished(star, { visibility: 'PUBLIC', startedAt: day(3) });
    const own = await social.finished(a, { startedAt: day(2) });
    expect(await social.prisma.feedEntry.count({ where: { activityId: activityIdOf(run.workoutId) } })).toBe(
      1,
    );
    expect(await workoutsIn(a)).toEqual([run.workoutId, own.workoutId]);
    expect(await workoutsIn(b)).toEqual([run.workoutId]);
  });

  it('tells the live feed of each viewer the workout entered', async () => {
    await social.follows.follow(ann, bob);
    const live = social.feed.subscribe(ann);
    const next = live.next();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const run = await social.finished(bob);
    const item = await next;
    expect(item.value).toMatchObject({ workoutId: run.workoutId, actorId: bob });
    await live.return!();
  });
});
