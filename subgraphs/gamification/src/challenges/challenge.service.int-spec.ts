import { fixedClock } from '../../../../lib/clock';
import { availableDatabaseKinds } from '../../../../lib/testing/test-databases';
import { challengeBoardId } from './member-standing';
import { anAthlete, aWorkoutSummary, events } from '../gamification.builders';
import { openTestGamification, type TestGamification } from '../gamification.test-db';

const admin = anAthlete(['ADMIN']);

describe.each(availableDatabaseKinds())('challenges on %s', (kind) => {
  let g: TestGamification;
  beforeAll(async () => {
    g = await openTestGamification(kind, fixedClock('2026-11-20T12:00:00Z'));
  });
  afterAll(() => g.close());

  const aChallenge = (overrides: Partial<Parameters<TestGamification['challenges']['create']>[1]> = {}) =>
    g.challenges.create(admin, {
      title: 'Three runs',
      goal: 'COUNT',
      target: 3,
      sport: 'RUN',
      startsAt: new Date('2026-11-16T00:00:00Z'),
      endsAt: new Date('2026-11-23T00:00:00Z'),
      ...overrides,
    });

  it('counts the workouts within its window (those before joining too), completes, and ranks its members', async () => {
    const ann = anAthlete();
    const challenge = await aChallenge();
    await g.deliver(
      events.completed(aWorkoutSummary({ userId: ann.userId, startedAt: '2026-11-17T07:00:00.000Z' })),
    );
    await g.deliver(
      events.completed(aWorkoutSummary({ userId: ann.userId, startedAt: '2026-11-10T07:00:00.000Z' })),
    );
    await g.deliver(
      events.completed(
        aWorkoutSummary({ userId: ann.userId, sport: 'RIDE', startedAt: '2026-11-18T07:00:00.000Z' }),
      ),
    );
    await g.challenges.join(ann, challenge.id);
    expect(await g.challenges.progressOf(ann, challenge)).toMatchObject({
      current: 1,
      target: 3,
      completed: false,
    });
    expect(await g.store.rankOf(challengeBoardId(challenge.id), ann.userId)).toMatchObject({
      score: 1,
      rank: 1,
    });

    const later = ['2026-11-18T18:00:00.000Z', '2026-11-19T18:00:00.000Z'].map((startedAt) =>
      aWorkoutSummary({ userId: ann.userId, startedAt }),
    );
    for (const workout of later) await g.deliver(events.completed(workout));
    expect(await g.challenges.progressOf(ann, challenge)).toMatchObject({
      current: 3,
      completed: true,
      completedAt: Date.parse('2026-11-19T18:00:00.000Z'),
    });
    // Completion stays when a deleted workout takes the count back below the target.
    await g.deliver(events.deleted(later[1]!));
    expect(await g.challenges.progressOf(ann, challenge)).toMatchObject({ current: 2, completed: true });
    expect(await g.store.rankOf(challengeBoardId(challenge.id), ann.userId)).toMatchObject({ score: 2 });
  });

  it('announces a completion once: a replay, another workout, leaving and joining again and a rebuild do not repeat it', async () => {
    const cy = anAthlete();
    const challenge = await aChallenge();
    await g.challenges.join(cy, challenge.id);
    const runs = ['2026-11-17T07:00:00.000Z', '2026-11-18T07:00:00.000Z', '2026-11-19T07:00:00.000Z'].map(
      (startedAt) => events.completed(aWorkoutSummary({ userId: cy.userId, startedAt })),
    );
    for (const run of runs) await g.deliver(run);
    const announced = () =>
      g.prisma.outboxEvent.findMany({ where: { key: cy.userId, type: 'gamification.challenge.completed' } });
    expect((await announced()).map((row) => row.payload)).toEqual([
      expect.objectContaining({
        actorId: cy.userId,
        causationId: runs[2]!.id,
        data: {
          userId: cy.userId,
          challengeId: challenge.id,
          title: 'Three runs',
          completedAt: '2026-11-19T07:00:00.000Z',
        },
      }),
    ]);

    for (const run of runs) await g.deliver(run);
    await g.deliver(
      events.completed(aWorkoutSummary({ userId: cy.userId, startedAt: '2026-11-20T07:00:00.000Z' })),
    );
    await g.challenges.leave(cy, challenge.id);
    await g.challenges.join(cy, challenge.id);
    await g.rebuild();
    expect(await announced()).toHaveLength(1);
  });

  it('leaving takes the athlete off its board; joining twice changes nothing; leaving twice is a conflict', async () => {
    const bob = anAthlete();
    const challenge = await aChallenge();
    await g.deliver(
      events.completed(aWorkoutSummary({ userId: bob.userId, startedAt: '2026-11-17T07:00:00.000Z' })),
    );
    await g.challenges.join(bob, challenge.id);
    await g.challenges.join(bob, challenge.id);
    expect(await g.challenges.memberCount(challenge)).toBe(1);
    await g.challenges.leave(bob, challenge.id);
    expect(await g.store.rankOf(challengeBoardId(challenge.id), bob.userId)).toBeNull();
    expect(await g.challenges.progressOf(bob, challenge)).toBeNull();
    await expect(g.challenges.leave(bob, challenge.id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses bad input and ended challenges with codes', async () => {
    const ended = await aChallenge({
      startsAt: new Date('2026-11-01T00:00:00Z'),
      endsAt: new Date('2026-11-08T00:00:00Z'),
    });
    await expect(g.challenges.join(anAthlete(), ended.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(g.challenges.join(anAthlete(), 'not-a-uuid')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(aChallenge({ endsAt: new Date('2026-11-01T00:00:00Z') })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'input.endsAt' },
    });
    await expect(aChallenge({ target: 2.5 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(aChallenge({ title: '  ' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await g.challenges.list(false)).map((c) => c.id)).not.toContain(ended.id);
    expect((await g.challenges.list(true)).map((c) => c.id)).toContain(ended.id);
  });

  it('counts days in the athlete time zone, which an unknown zone cannot be set to', async () => {
    const ann = anAthlete();
    await expect(g.athletes.setTimeZone(ann, 'Mars/Olympus')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'timeZone' },
    });
    // 23:30 on 31 October in New York is 1 November in UTC: a night owl there, not in UTC.
    const lateRun = aWorkoutSummary({ userId: ann.userId, startedAt: '2026-11-01T03:30:00.000Z' });
    await g.deliver(events.completed(lateRun));
    const nightOwl = async () =>
      (await g.athletes.achievements(ann, ann.userId)).find((a) => a.code === 'NIGHT_OWL')!.unlocked;
    expect(await nightOwl()).toBe(false);
    expect(await g.athletes.setTimeZone(ann, 'America/New_York')).toBe('America/New_York');
    expect(await g.athletes.timeZone(ann)).toBe('America/New_York');
    expect(await nightOwl()).toBe(true);
  });
});
