import { availableDatabaseKinds } from '../../../../lib/testing/test-databases';
import { openTestSocial, type TestSocial } from '../social.test-db';

describe.each(availableDatabaseKinds())('follows and blocks (%s)', (kind) => {
  let social: TestSocial;
  let ann: string;
  let bob: string;

  beforeEach(async () => {
    social = await openTestSocial(kind);
    ann = await social.athlete('Ann Lee');
    bob = await social.athlete('Bob Stone');
  });
  afterEach(() => social.close());

  const counts = async (userId: string) => {
    const p = (await social.repos.profiles.find(userId))!;
    return { followers: p.followerCount, following: p.followingCount };
  };

  it('accepts a follow of a public profile at once, counts it and says so', async () => {
    const follow = await social.follows.follow(ann, bob);
    expect(follow.status).toBe('ACCEPTED');
    expect(await counts(ann)).toEqual({ followers: 0, following: 1 });
    expect(await counts(bob)).toEqual({ followers: 1, following: 0 });
    const [event] = await social.published('social.follow.accepted');
    expect(event!.data).toMatchObject({ followerId: ann, followeeId: bob, approved: false });
    // Following again changes nothing.
    expect((await social.follows.follow(ann, bob)).status).toBe('ACCEPTED');
    expect(await counts(bob)).toEqual({ followers: 1, following: 0 });
    expect(await social.published('social.follow.accepted')).toHaveLength(1);
  });

  it('waits for approval when the athlete approves followers or hides the profile', async () => {
    await social.profiles.update(bob, { approveFollowers: true });
    expect((await social.follows.follow(ann, bob)).status).toBe('PENDING');
    expect(await counts(bob)).toEqual({ followers: 0, following: 0 });
    expect((await social.published('social.follow.requested'))[0]!.data).toMatchObject({ followerId: ann });
    await social.follows.approve(bob, ann);
    expect(await counts(bob)).toEqual({ followers: 1, following: 0 });
    expect((await social.published('social.follow.accepted'))[0]!.data).toMatchObject({ approved: true });

    const cy = await social.athlete('Cy');
    await social.profiles.update(cy, { visibility: 'FOLLOWERS' });
    expect((await social.follows.follow(ann, cy)).status).toBe('PENDING');
    await social.follows.reject(cy, ann);
    expect(await social.repos.follows.find(ann, cy)).toBeNull();
    await expect(social.follows.approve(cy, ann)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('unfollows and removes followers, correcting counts, with an event each', async () => {
    await social.follows.follow(ann, bob);
    await social.follows.follow(bob, ann);
    await social.follows.unfollow(ann, bob);
    await social.follows.removeFollower(ann, bob);
    expect(await counts(ann)).toEqual({ followers: 0, following: 0 });
    expect(await counts(bob)).toEqual({ followers: 0, following: 0 });
    expect(await social.published('social.follow.removed')).toHaveLength(2);
    // Unfollowing someone not followed is quiet.
    await social.follows.unfollow(ann, bob);
    expect(await social.published('social.follow.removed')).toHaveLength(2);
  });

  it('a block ends the follows both ways and refuses new ones until unblocked', async () => {
    await social.follows.follow(ann, bob);
    await social.follows.follow(bob, ann);
    await social.follows.block(ann, bob);
    expect(await counts(ann)).toEqual({ followers: 0, following: 0 });
    expect(await counts(bob)).toEqual({ followers: 0, following: 0 });
    expect((await social.published()).map((e) => e.type)).toEqual([
      'social.follow.accepted',
      'social.follow.accepted',
      'social.follow.removed',
      'social.follow.removed',
      'social.user.blocked',
    ]);
    await expect(social.follows.follow(bob, ann)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(social.follows.follow(ann, bob)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await social.follows.unblock(ann, bob);
    expect((await social.published('social.user.unblocked'))[0]!.data).toMatchObject({ blockerId: ann });
    expect((await social.follows.follow(bob, ann)).status).toBe('ACCEPTED');
  });

  it('answers bad input clearly', async () => {
    await expect(social.follows.follow(ann, ann)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(social.follows.follow(ann, 'nope')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(social.follows.follow(ann, '0190f3a0-0000-7000-8000-000000000000')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
