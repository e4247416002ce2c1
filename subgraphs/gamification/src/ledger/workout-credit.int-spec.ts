import { availableDatabaseKinds } from '../../../../lib/testing/test-databases';
import { periodBoardsOf } from '../leaderboards/board-key';
import { aWorkoutSummary, events } from '../gamification.builders';
import { openTestGamification, type TestGamification } from '../gamification.test-db';
import { xpFor } from './xp';
import { factOfSummary } from '../workout-facts/workout-fact';
import { v7 as uuidv7 } from 'uuid';

const weekDistance = 'period:DISTANCE:WEEK:ALL:2026-W47';

describe.each(availableDatabaseKinds())('XP ledger and boards from workout events on %s', (kind) => {
  let g: TestGamification;
  beforeAll(async () => {
    g = await openTestGamification(kind);
  });
  afterAll(() => g.close());

  const xpOf = (summary: ReturnType<typeof aWorkoutSummary>) => xpFor(factOfSummary(summary)!).points;
  const ledgerOf = async (workoutId: string) =>
    (await g.ledger.entriesOfWorkout(workoutId)).map((e) => ({ kind: e.kind, points: e.points }));
  const scoresOf = async (userId: string, summary: ReturnType<typeof aWorkoutSummary>) =>
    Object.fromEntries(
      await Promise.all(
        periodBoardsOf('RUN', Date.parse(summary.startedAt)).map(
          async ({ board }) => [board, (await g.store.rankOf(board, userId))?.score ?? 0] as const,
        ),
      ),
    );
  const outboxOf = async (userId: string) =>
    (await g.prisma.outboxEvent.findMany({ where: { key: userId }, orderBy: { sequence: 'asc' } })).map(
      (row) => ({
        type: row.type,
        data: (row.payload as { data: Record<string, unknown> }).data,
      }),
    );

  it('credits a completed workout once, however often the event is delivered', async () => {
    const run = aWorkoutSummary();
    const completed = events.completed(run);
    await g.deliver(completed);
    await g.deliver(completed);
    const points = xpOf(run);
    expect(points).toBeGreaterThan(100);
    expect(await ledgerOf(run.workoutId)).toEqual([{ kind: 'CREDIT', points }]);
    expect(await g.ledger.totalOf(run.userId)).toBe(points);
    expect(await g.store.rankOf(weekDistance, run.userId)).toEqual({
      athleteId: run.userId,
      score: 10_000,
      rank: expect.any(Number),
    });
    expect(await g.store.rankOf('period:XP:ALL_TIME:RUN:all', run.userId)).toMatchObject({ score: points });
  });

  it('corrects an edited workout by the difference, on the ledger and on the boards of its new sport', async () => {
    const run = aWorkoutSummary();
    await g.deliver(events.completed(run));
    const longer = { ...run, distanceMeters: 12_000 };
    await g.deliver(events.updated(longer));
    // An update that changes nothing writes nothing.
    await g.deliver(events.updated(longer));
    expect(await ledgerOf(run.workoutId)).toEqual([
      { kind: 'CREDIT', points: xpOf(run) },
      { kind: 'CORRECTION', points: xpOf(longer) - xpOf(run) },
    ]);
    expect((await g.store.rankOf(weekDistance, run.userId))?.score).toBe(12_000);

    await g.deliver(events.updated({ ...longer, sport: 'TRAIL_RUN' }));
    expect(await g.store.rankOf('period:DISTANCE:WEEK:RUN:2026-W47', run.userId)).toBeNull();
    expect(await g.store.rankOf('period:DISTANCE:WEEK:TRAIL_RUN:2026-W47', run.userId)).toMatchObject({
      score: 12_000,
    });
    expect((await g.store.rankOf(weekDistance, run.userId))?.score).toBe(12_000);
  });

  it('reverses exactly a deleted workout: its XP and its board contributions, not the other workouts', async () => {
    const userId = uuidv7();
    const kept = aWorkoutSummary({ userId, distanceMeters: 5_000, movingSeconds: 1_800 });
    const deleted = aWorkoutSummary({ userId, elevationGainMeters: 150 });
    await g.deliver(events.completed(kept));
    const before = await scoresOf(userId, kept);
    await g.deliver(events.completed(deleted));
    await g.deliver(events.deleted(deleted));
    expect(await ledgerOf(deleted.workoutId)).toEqual([
      { kind: 'CREDIT', points: xpOf(deleted) },
      { kind: 'REVERSAL', points: -xpOf(deleted) },
    ]);
    expect(await g.ledger.totalOf(userId)).toBe(xpOf(kept));
    expect(await scoresOf(userId, kept)).toEqual(before);
    expect(await g.store.rankOf('period:ELEVATION:ALL_TIME:ALL:all', userId)).toBeNull();

    // A state of the deleted workout that arrives late (re-driven, replayed) credits nothing.
    await g.deliver(events.updated(deleted));
    expect(await g.ledger.totalOf(userId)).toBe(xpOf(kept));
    expect(await scoresOf(userId, kept)).toEqual(before);
  });

  it('credits a flagged track with 0 XP (recorded) while its distance still counts on distance boards', async () => {
    const flagged = aWorkoutSummary({ trackFlags: ['SPEED_JUMP'] });
    await g.deliver(events.completed(flagged));
    expect(await ledgerOf(flagged.workoutId)).toEqual([{ kind: 'CREDIT', points: 0 }]);
    expect(await g.store.rankOf('period:XP:ALL_TIME:ALL:all', flagged.userId)).toBeNull();
    // Its athlete sees why; anyone else sees nothing of it.
    const owner = { userId: flagged.userId, roles: ['ATHLETE' as const] };
    expect(await g.athletes.workoutXp(owner, flagged.workoutId)).toEqual({
      points: 0,
      notCountedReason: expect.stringMatching(/^FLAGGED_TRACK: the track is flagged SPEED_JUMP/),
    });
    expect(
      await g.athletes.workoutXp({ userId: uuidv7(), roles: ['ATHLETE'] }, flagged.workoutId),
    ).toBeNull();
  });

  it('ignores a workout still being recorded until it is finished', async () => {
    const running = aWorkoutSummary({ status: 'IN_PROGRESS', finishedAt: null });
    await g.deliver(events.updated(running));
    expect(await ledgerOf(running.workoutId)).toEqual([]);
    await g.deliver(events.completed({ ...running, status: 'FINISHED' }));
    expect(await ledgerOf(running.workoutId)).toEqual([
      { kind: 'CREDIT', points: xpOf({ ...running, status: 'FINISHED' }) },
    ]);
  });

  it('unlocks an achievement once, announces it and the level reached, and keeps it after the workout is deleted', async () => {
    const viewer = { userId: uuidv7(), roles: ['ATHLETE' as const] };
    const run = aWorkoutSummary({ userId: viewer.userId });
    await g.deliver(events.completed(run));
    const unlocked = async () =>
      (await g.athletes.achievements(viewer, viewer.userId)).filter((a) => a.unlocked).map((a) => a.code);
    expect(await unlocked()).toEqual(
      expect.arrayContaining(['FIRST_WORKOUT', 'FIRST_5K_RUN', 'FIRST_10K_RUN']),
    );
    expect(await outboxOf(viewer.userId)).toEqual(
      expect.arrayContaining([
        {
          type: 'gamification.achievement.unlocked',
          data: expect.objectContaining({
            code: 'FIRST_WORKOUT',
            workoutId: run.workoutId,
            title: 'First steps',
          }),
        },
        {
          type: 'gamification.level.reached',
          data: expect.objectContaining({ level: 2, totalXp: xpOf(run) }),
        },
      ]),
    );

    await g.deliver(events.deleted(run));
    const second = aWorkoutSummary({ userId: viewer.userId, startedAt: '2026-11-21T07:00:00.000Z' });
    await g.deliver(events.completed(second));
    expect(await unlocked()).toEqual(
      expect.arrayContaining(['FIRST_WORKOUT', 'FIRST_5K_RUN', 'FIRST_10K_RUN']),
    );
    const announced = (await outboxOf(viewer.userId)).filter(
      (e) => e.type === 'gamification.achievement.unlocked',
    );
    expect(announced.filter((e) => e.data.code === 'FIRST_WORKOUT')).toHaveLength(1);
    // Level 2 was reached, lost with the deletion, and reached again: announced once.
    const levels = (await outboxOf(viewer.userId)).filter((e) => e.type === 'gamification.level.reached');
    expect(levels.map((e) => e.data.level)).toEqual([2]);
    // Progress follows the current workouts: the deleted one no longer counts.
    const workouts10 = (await g.athletes.achievements(viewer, viewer.userId)).find(
      (a) => a.code === 'WORKOUTS_10',
    );
    expect(workouts10?.progress).toMatchObject({ current: 1, target: 10 });
  });

  it('erases a deleted user: rows and board entries', async () => {
    const run = aWorkoutSummary();
    await g.deliver(events.completed(run));
    await g.deliver(events.userDeleted(run.userId));
    expect(await g.ledger.totalOf(run.userId)).toBe(0);
    expect(await g.facts.factsOf(run.userId)).toEqual([]);
    expect(Object.values(await scoresOf(run.userId, run)).every((score) => score === 0)).toBe(true);
    expect(await g.prisma.athleteLevel.count({ where: { userId: run.userId } })).toBe(0);
  });
});
