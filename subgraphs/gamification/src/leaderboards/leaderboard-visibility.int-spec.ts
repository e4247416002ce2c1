import { useFixture } from '../../../../lib/testing/fixture';
import { availableDatabaseKinds } from '../../../../lib/testing/test-databases';
import { challengeBoardId } from '../challenges/member-standing';
import { aChallengeInput, anAthlete, aWorkoutSummary, events } from '../gamification.builders';
import { openTestGamification } from '../gamification.test-db';
import { boardsOf, boardsReachedBy, expectRebuiltAsLive, snapshot } from './leaderboard-snapshot';
import { xpFor } from '../ledger/xp';
import { factOfSummary } from '../workout-facts/workout-fact';

type Summary = ReturnType<typeof aWorkoutSummary>;

describe.each(availableDatabaseKinds())('private workouts and shared boards on %s', (kind) => {
  const g = useFixture(() => openTestGamification(kind));

  const scoresOf = async (userId: string, summary: Summary) =>
    Promise.all(boardsOf(summary).map(async (board) => (await g().store.rankOf(board, userId))?.score ?? 0));
  const ledgerOf = async (workoutId: string) =>
    (await g().ledger.entriesOfWorkout(workoutId)).map((e) => ({ kind: e.kind, points: e.points }));

  it('credits XP for a private workout but puts nothing on a board, and a visibility change moves it', async () => {
    const run = aWorkoutSummary({ visibility: 'PRIVATE' });
    const points = xpFor(factOfSummary(run)!).points;
    await g().deliver(events.completed(run));
    expect(await ledgerOf(run.workoutId)).toEqual([{ kind: 'CREDIT', points }]);
    expect(await g().ledger.totalOf(run.userId)).toBe(points);
    expect(new Set(await scoresOf(run.userId, run))).toEqual(new Set([0]));

    await g().deliver(events.updated({ ...run, visibility: 'PUBLIC' }));
    expect(await g().store.rankOf('period:DISTANCE:ALL_TIME:ALL:all', run.userId)).toMatchObject({
      score: 10_000,
    });
    expect(await g().store.rankOf('period:XP:WEEK:RUN:2026-W47', run.userId)).toMatchObject({
      score: points,
    });

    await g().deliver(events.updated({ ...run, visibility: 'FOLLOWERS' }));
    expect((await g().store.rankOf('period:DISTANCE:ALL_TIME:ALL:all', run.userId))?.score).toBe(10_000);

    await g().deliver(events.updated({ ...run, visibility: 'PRIVATE' }));
    expect(new Set(await scoresOf(run.userId, run))).toEqual(new Set([0]));
    // Visibility changes no XP: still the one credit.
    expect(await ledgerOf(run.workoutId)).toEqual([{ kind: 'CREDIT', points }]);
  });

  it("counts a private workout for the member's own challenge progress, not on the challenge's board", async () => {
    const ann = anAthlete();
    const challenge = await g().challenges.create(anAthlete(['ADMIN']), aChallengeInput());
    await g().challenges.join(ann, challenge.id);
    const shared = aWorkoutSummary({ userId: ann.userId, distanceMeters: 8_000 });
    const hidden = aWorkoutSummary({
      userId: ann.userId,
      distanceMeters: 10_000,
      visibility: 'PRIVATE',
      startedAt: '2026-11-18T07:00:00.000Z',
    });
    await g().deliver(events.completed(shared));
    await g().deliver(events.completed(hidden));
    expect(await g().challenges.progressOf(ann, challenge)).toMatchObject({
      current: 18_000,
      completed: true,
    });
    expect(await g().store.rankOf(challengeBoardId(challenge.id), ann.userId)).toMatchObject({
      score: 8_000,
    });

    await g().deliver(events.updated({ ...hidden, visibility: 'PUBLIC' }));
    expect(await g().store.rankOf(challengeBoardId(challenge.id), ann.userId)).toMatchObject({
      score: 18_000,
    });
  });

  it('rebuilds the same boards as the live ones, private workouts left off', async () => {
    const [ann, bob] = [anAthlete(), anAthlete()];
    const challenge = await g().challenges.create(anAthlete(['ADMIN']), {
      title: 'Runs',
      goal: 'COUNT',
      target: 10,
      sport: 'RUN',
      startsAt: new Date('2026-11-01T00:00:00Z'),
      endsAt: new Date('2026-12-01T00:00:00Z'),
    });
    await g().challenges.join(ann, challenge.id);
    await g().challenges.join(bob, challenge.id);
    const workouts = [
      aWorkoutSummary({ userId: ann.userId, visibility: 'PRIVATE', distanceMeters: 21_000 }),
      aWorkoutSummary({ userId: ann.userId, visibility: 'PUBLIC', startedAt: '2026-11-19T07:00:00.000Z' }),
      aWorkoutSummary({ userId: bob.userId, distanceMeters: 6_000 }),
      aWorkoutSummary({ userId: bob.userId, startedAt: '2026-11-18T07:00:00.000Z' }),
    ];
    for (const workout of workouts) await g().deliver(events.completed(workout));
    await g().deliver(events.updated({ ...workouts[3]!, visibility: 'PRIVATE' }));

    const boards = boardsReachedBy(workouts, challenge.id);
    const live = await snapshot(g().store, boards);
    expect(live[challengeBoardId(challenge.id)]).toEqual([
      { athleteId: ann.userId, score: 1 },
      { athleteId: bob.userId, score: 1 },
    ]);
    await expectRebuiltAsLive((fresh) => g().rebuild(fresh), boards, live);
  });
});
