import { fixedClock } from '../../../../lib/clock';
import { aChallengeInput, anAthlete } from '../gamification.builders';
import { fakeGamificationRepos, fakeLeaderboardUpdater, fakeTransaction } from '../gamification.fakes';
import { createChallengeService, type CreateChallengeInput } from './challenge.service';
import { challengeBoardId } from './member-standing';

const NOW = new Date('2026-11-20T12:00:00Z');
const admin = anAthlete(['ADMIN']);

function newTestChallenges() {
  const fakes = fakeGamificationRepos();
  const updater = fakeLeaderboardUpdater();
  const calls = { notified: 0 };
  const challenges = createChallengeService({
    repos: fakes.repos,
    inTransaction: fakeTransaction(fakes.repos),
    leaderboards: updater,
    clock: fixedClock(NOW),
    notify: () => void (calls.notified += 1),
  });
  const aChallenge = (overrides: Partial<CreateChallengeInput> = {}) =>
    challenges.create(admin, aChallengeInput(overrides));
  return { challenges, aChallenge, updater, calls, ...fakes };
}

const aRun = (userId: string, distanceMeters: number, visibility: 'PUBLIC' | 'PRIVATE' = 'PUBLIC') => ({
  workoutId: crypto.randomUUID(),
  userId,
  sport: 'RUN' as const,
  startedAt: Date.parse('2026-11-18T07:00:00Z'),
  distanceMeters,
  movingSeconds: 3_000,
  elevationGainMeters: null,
  gearIds: [],
  trackFlags: [],
  visibility,
});

describe('createChallenge', () => {
  it('trims the title and stores the challenge', async () => {
    const { aChallenge, challenges } = newTestChallenges();
    const created = await aChallenge({ title: '  Run more  ' });
    expect(created).toMatchObject({ title: 'Run more', sport: null, createdBy: admin.userId });
    expect(await challenges.get(created.id)).toEqual(created);
  });

  it.each([
    ['input.title', { title: ' ' }],
    ['input.target', { target: 0 }],
    ['input.target', { goal: 'COUNT' as const, target: 2.5 }],
    ['input.endsAt', { endsAt: new Date('2026-10-01T00:00:00Z') }],
    ['input.endsAt', { endsAt: new Date('2027-12-01T00:00:00Z') }],
  ])('refuses a bad %s and stores nothing', async (field, input) => {
    const { aChallenge, rows } = newTestChallenges();
    await expect(aChallenge(input)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
    expect(rows.challenges).toEqual([]);
  });
});

describe('joining and leaving', () => {
  it("puts the member on the challenge's leaderboard with their shared workouts, and counts every workout for them", async () => {
    const { aChallenge, challenges, repos, updater } = newTestChallenges();
    const ann = anAthlete();
    await repos.facts.save(aRun(ann.userId, 8_000));
    await repos.facts.save(aRun(ann.userId, 10_000, 'PRIVATE'));
    const challenge = await aChallenge();
    await challenges.join(ann, challenge.id);
    expect(updater.applied).toEqual([
      { board: challengeBoardId(challenge.id), athleteId: ann.userId, delta: 8_000 },
    ]);
    expect(await challenges.progressOf(ann, challenge)).toMatchObject({
      current: 18_000,
      completed: true,
      joinedAt: NOW,
    });
    expect(await challenges.memberCount(challenge)).toBe(1);
  });

  it('changes nothing when joining twice; leaving takes the score off; leaving twice is a conflict', async () => {
    const { aChallenge, challenges, repos, updater } = newTestChallenges();
    const bob = anAthlete();
    await repos.facts.save(aRun(bob.userId, 5_000));
    const challenge = await aChallenge();
    await challenges.join(bob, challenge.id);
    await challenges.join(bob, challenge.id);
    expect(updater.applied).toHaveLength(1);
    await challenges.leave(bob, challenge.id);
    expect(updater.applied.at(-1)).toEqual({
      board: challengeBoardId(challenge.id),
      athleteId: bob.userId,
      delta: -5_000,
    });
    expect(await challenges.progressOf(bob, challenge)).toBeNull();
    await expect(challenges.leave(bob, challenge.id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('announces a completion reached by the workouts before joining, once: leaving and joining again do not', async () => {
    const { aChallenge, challenges, repos, rows, calls } = newTestChallenges();
    const ann = anAthlete();
    await repos.facts.save(aRun(ann.userId, 18_000));
    const challenge = await aChallenge();
    await challenges.join(ann, challenge.id);
    expect(rows.outbox.map((e) => [e.type, e.key, e.actorId, e.data])).toEqual([
      [
        'gamification.challenge.completed',
        ann.userId,
        ann.userId,
        {
          userId: ann.userId,
          challengeId: challenge.id,
          title: 'November kilometres',
          completedAt: '2026-11-18T07:00:00.000Z',
        },
      ],
    ]);
    expect(calls.notified).toBe(1);

    await challenges.join(ann, challenge.id);
    await challenges.leave(ann, challenge.id);
    await challenges.join(ann, challenge.id);
    expect(rows.outbox).toHaveLength(1);
    expect(calls.notified).toBe(1);
  });

  it('announces nothing for a member who has not reached the target', async () => {
    const { aChallenge, challenges, repos, rows, calls } = newTestChallenges();
    const bob = anAthlete();
    await repos.facts.save(aRun(bob.userId, 5_000));
    await challenges.join(bob, (await aChallenge()).id);
    expect(rows.outbox).toEqual([]);
    expect(calls.notified).toBe(0);
  });

  it('refuses an ended challenge and an unknown one', async () => {
    const { aChallenge, challenges } = newTestChallenges();
    const ended = await aChallenge({
      startsAt: new Date('2026-11-01T00:00:00Z'),
      endsAt: new Date('2026-11-08T00:00:00Z'),
    });
    await expect(challenges.join(anAthlete(), ended.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(challenges.join(anAthlete(), 'not-a-uuid')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(challenges.get(crypto.randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await challenges.list(false)).map((c) => c.id)).not.toContain(ended.id);
    expect((await challenges.list(true)).map((c) => c.id)).toContain(ended.id);
  });
});
