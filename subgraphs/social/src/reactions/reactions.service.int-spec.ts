import { availableDatabaseKinds } from '../../../../lib/testing/test-databases';
import { openTestSocial, type TestSocial } from '../social.test-db';

describe.each(availableDatabaseKinds())('kudos and comments (%s)', (kind) => {
  let social: TestSocial;
  let ann: string;
  let bob: string;
  let cy: string;

  beforeEach(async () => {
    social = await openTestSocial(kind);
    ann = await social.athlete('Ann');
    bob = await social.athlete('Bob');
    cy = await social.athlete('Cy');
    await social.profiles.update(ann, { handle: 'ann' });
    await social.profiles.update(cy, { handle: 'cyd' });
  });
  afterEach(() => social.close());

  it('gives kudos once per athlete, counted, told once, never on one’s own workout', async () => {
    const run = await social.finished(bob, { visibility: 'PUBLIC', startedAt: '2026-11-20T07:00:00Z' });
    await social.reactions.giveKudos(ann, run.workoutId);
    await social.reactions.giveKudos(ann, run.workoutId);
    await social.reactions.giveKudos(cy, run.workoutId);
    const workout = (await social.repos.workouts.find(run.workoutId))!;
    const [kudos] = await social.reactions.kudosOf(ann, [workout]);
    expect(kudos).toEqual({
      workoutId: run.workoutId,
      count: 2,
      firstAthleteIds: [ann, cy],
      givenByMe: true,
    });
    const events = await social.published('social.kudos.given');
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({ giverId: ann, workoutOwnerId: bob, workoutName: 'Morning Run' }),
      expect.objectContaining({ giverId: cy }),
    ]);
    await expect(social.reactions.giveKudos(bob, run.workoutId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses kudos and comments on workouts the athlete may not see, as if they did not exist', async () => {
    const forFollowers = await social.finished(bob, { visibility: 'FOLLOWERS' });
    await expect(social.reactions.giveKudos(ann, forFollowers.workoutId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(social.reactions.addComment(ann, forFollowers.workoutId, 'hi')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await social.follows.follow(ann, bob);
    await social.reactions.giveKudos(ann, forFollowers.workoutId);
    await social.follows.block(bob, ann);
    await expect(social.reactions.addComment(ann, forFollowers.workoutId, 'hi')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('hides kudos and comments of athletes blocked either way', async () => {
    const run = await social.finished(bob, { visibility: 'PUBLIC' });
    await social.reactions.giveKudos(cy, run.workoutId);
    await social.reactions.addComment(cy, run.workoutId, 'Nice one');
    await social.follows.block(ann, cy);
    const workout = (await social.repos.workouts.find(run.workoutId))!;
    expect((await social.reactions.kudosOf(ann, [workout]))[0]!.firstAthleteIds).toEqual([]);
    expect((await social.reactions.comments(ann, workout, 10)).edges).toEqual([]);
    expect((await social.reactions.comments(bob, workout, 10)).edges).toHaveLength(1);
  });

  it('comments with mentions of athletes who may see the workout, edited by the author, deleted by author or owner', async () => {
    const run = await social.finished(bob, { visibility: 'FOLLOWERS', title: 'Hill repeats' });
    await social.follows.follow(ann, bob);
    await social.follows.follow(cy, bob);
    await social.profiles.update(bob, { handle: 'bob' });
    const dan = await social.athlete('Dan');
    await social.profiles.update(dan, { handle: 'dan' });
    const comment = await social.reactions.addComment(
      ann,
      run.workoutId,
      'Go @Cyd and @dan and @nobody and @ann!',
    );
    // Dan does not follow Bob: he may not see the workout, so he is not mentioned; Ann is the author.
    expect(comment.mentionIds).toEqual([cy]);
    expect((await social.published('social.comment.added'))[0]!.data).toMatchObject({
      authorId: ann,
      workoutName: 'Hill repeats',
      mentionedUserIds: [cy],
    });
    await expect(social.reactions.editComment(cy, comment.id, 'mine now')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const edited = await social.reactions.editComment(ann, comment.id, '**Great** climb');
    expect(edited).toMatchObject({ text: '**Great** climb', mentionIds: [] });
    expect(edited.editedAt).not.toBeNull();
    await expect(social.reactions.deleteComment(cy, comment.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await social.reactions.deleteComment(bob, comment.id);
    expect((await social.repos.workouts.find(run.workoutId))!.commentCount).toBe(0);
    await expect(social.reactions.addComment(ann, run.workoutId, '   ')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
});
