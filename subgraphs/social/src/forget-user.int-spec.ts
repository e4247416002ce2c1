import { anEvent } from '../../../lib/testing/test-events';
import { availableDatabaseKinds } from '../../../lib/testing/test-databases';
import { openTestSocial, type TestSocial } from './social.test-db';

describe.each(availableDatabaseKinds())('a deleted user is forgotten (%s)', (kind) => {
  let social: TestSocial;
  afterEach(() => social.close());

  it('removes everything of theirs, corrects others’ counts, and erases their objects', async () => {
    social = await openTestSocial(kind);
    const gone = await social.athlete('Gone');
    const ann = await social.athlete('Ann');
    const bob = await social.athlete('Bob');
    await social.follows.follow(gone, ann);
    await social.follows.follow(bob, gone);
    await social.follows.block(gone, await social.athlete('Cy'));
    const annRun = await social.finished(ann, { visibility: 'PUBLIC' });
    const goneRun = await social.finished(gone, { visibility: 'PUBLIC' });
    await social.reactions.giveKudos(gone, annRun.workoutId);
    await social.reactions.addComment(gone, annRun.workoutId, 'hello');
    await social.reactions.giveKudos(ann, goneRun.workoutId);
    const club = await social.clubs.create(ann, { name: 'Club' });
    await social.clubs.join(gone, club.id);
    await social.objects.store.put(`users/${gone}/avatars/x/64.webp`, new Uint8Array([1, 2, 3]), {
      contentType: 'image/webp',
    });
    await social.objects.store.put(`users/${ann}/avatars/y/64.webp`, new Uint8Array([4]), {
      contentType: 'image/webp',
    });

    await social.deliver(
      anEvent('identity.user.deleted', { userId: gone, deletedAt: '2026-12-01T12:00:00Z' }),
    );

    const p = social.prisma;
    expect(await p.profile.findUnique({ where: { userId: gone } })).toBeNull();
    expect(await p.follow.count({ where: { OR: [{ followerId: gone }, { followeeId: gone }] } })).toBe(0);
    expect(await p.block.count({ where: { OR: [{ blockerId: gone }, { blockedId: gone }] } })).toBe(0);
    expect(await p.kudos.count({ where: { giverId: gone } })).toBe(0);
    expect(await p.comment.count({ where: { authorId: gone } })).toBe(0);
    expect(await p.workout.count({ where: { userId: gone } })).toBe(0);
    expect(await p.activity.count({ where: { actorId: gone } })).toBe(0);
    expect(await p.feedEntry.count({ where: { OR: [{ viewerId: gone }, { actorId: gone }] } })).toBe(0);
    expect(await p.clubMember.count({ where: { userId: gone } })).toBe(0);
    expect((await social.repos.profiles.find(ann))!.followerCount).toBe(0);
    expect((await social.repos.profiles.find(bob))!.followingCount).toBe(0);
    expect(await social.repos.workouts.find(annRun.workoutId)).toMatchObject({
      kudosCount: 0,
      commentCount: 0,
    });
    expect((await social.repos.clubs.find(club.id))!.memberCount).toBe(1);
    expect(await social.objects.store.list(`users/${gone}/`)).toEqual([]);
    expect(await social.objects.store.list(`users/${ann}/`)).toHaveLength(1);
    // Its own workout and its reactions are gone with it.
    expect(await social.repos.workouts.find(goneRun.workoutId)).toBeNull();
  });
});
