import { availableDatabaseKinds } from '../../../../lib/testing/test-databases';
import { anEvent } from '../../../../lib/testing/test-events';
import { openTestSocial, type TestSocial } from '../social.test-db';

describe.each(availableDatabaseKinds())('clubs (%s)', (kind) => {
  let social: TestSocial;
  let owner: string;
  let ann: string;
  let bob: string;

  beforeEach(async () => {
    social = await openTestSocial(kind);
    owner = await social.athlete('Olga');
    ann = await social.athlete('Ann');
    bob = await social.athlete('Bob');
  });
  afterEach(() => social.close());

  const types = async () =>
    (await social.published()).map((e) => `${e.type} ${(e.data as { userId?: string }).userId ?? ''}`.trim());

  it('a public club is joined at once; members are counted; the owner cannot just leave', async () => {
    const club = await social.clubs.create(owner, { name: ' Morning Runners ', sport: 'RUN' });
    expect(club).toMatchObject({ name: 'Morning Runners', memberCount: 1, private: false });
    expect((await social.clubs.join(ann, club.id)).status).toBe('MEMBER');
    expect((await social.repos.clubs.find(club.id))!.memberCount).toBe(2);
    await expect(social.clubs.leave(owner, club.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await social.clubs.leave(ann, club.id);
    expect((await social.repos.clubs.find(club.id))!.memberCount).toBe(1);
    expect(await types()).toEqual([
      `social.club.joined ${owner}`,
      `social.club.joined ${ann}`,
      `social.club.left ${ann}`,
    ]);
  });

  it('a private club takes requests that admins approve, and invitations that athletes accept', async () => {
    const club = await social.clubs.create(owner, { name: 'Elite', private: true });
    expect((await social.clubs.join(ann, club.id)).status).toBe('REQUESTED');
    await expect(social.clubs.approve(bob, club.id, ann)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await social.clubs.approve(owner, club.id, ann);
    await social.clubs.setRole(owner, club.id, ann, 'ADMIN');
    expect((await social.clubs.invite(ann, club.id, bob)).status).toBe('INVITED');
    expect((await social.published('social.club.invited'))[0]!.data).toMatchObject({
      clubName: 'Elite',
      inviteeId: bob,
    });
    expect((await social.clubs.join(bob, club.id)).status).toBe('MEMBER');
    expect((await social.repos.clubs.find(club.id))!.memberCount).toBe(3);
    await expect(social.clubs.remove(ann, club.id, owner)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await social.clubs.remove(ann, club.id, bob);
    expect(await social.repos.clubs.membership(club.id, bob)).toBeNull();
  });

  it('the owner hands the club over; a deleted owner’s club goes to the longest-standing admin, or closes', async () => {
    const club = await social.clubs.create(owner, { name: 'Club' });
    await social.clubs.join(ann, club.id);
    await social.clubs.join(bob, club.id);
    await social.clubs.setRole(owner, club.id, bob, 'ADMIN');
    await social.deliver(
      anEvent('identity.user.deleted', { userId: owner, deletedAt: '2026-12-01T12:00:00Z' }),
    );
    expect((await social.repos.clubs.membership(club.id, bob))!.role).toBe('OWNER');
    expect((await social.repos.clubs.find(club.id))!.memberCount).toBe(2);

    const solo = await social.clubs.create(ann, { name: 'Solo' });
    await social.deliver(
      anEvent('identity.user.deleted', { userId: ann, deletedAt: '2026-12-01T12:00:00Z' }),
    );
    expect(await social.repos.clubs.find(solo.id)).toBeNull();
  });

  it('a club feed shows members’ workouts the viewer may see', async () => {
    const club = await social.clubs.create(owner, { name: 'Club' });
    await social.clubs.join(ann, club.id);
    const open = await social.finished(ann, { visibility: 'PUBLIC', startedAt: '2026-11-21T07:00:00Z' });
    await social.finished(ann, { visibility: 'FOLLOWERS', startedAt: '2026-11-22T07:00:00Z' });
    await social.finished(bob, { visibility: 'PUBLIC' });
    const page = await social.feed.clubPage(owner, club.id, 10);
    expect(page.edges.map((e) => e.node.workoutId)).toEqual([open.workoutId]);
  });
});
