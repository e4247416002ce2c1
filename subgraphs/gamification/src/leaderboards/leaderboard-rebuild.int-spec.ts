import { v7 as uuidv7 } from 'uuid';
import { useFixture } from '../../../../lib/testing/fixture';
import { availableDatabaseKinds } from '../../../../lib/testing/test-databases';
import { challengeBoardId } from '../challenges/member-standing';
import { aChallengeInput, anAthlete, aWorkoutSummary, events } from '../gamification.builders';
import { openTestGamification } from '../gamification.test-db';
import { boardsReachedBy, expectRebuiltAsLive, snapshot } from './leaderboard-snapshot';

describe.each(availableDatabaseKinds())('leaderboards rebuilt from the ledger on %s', (kind) => {
  const g = useFixture(() => openTestGamification(kind));

  it('equal the live boards after credits, edits, deletions, a challenge and a lost write', async () => {
    const [ann, bob, cid] = [anAthlete(), anAthlete(), anAthlete()];
    const challenge = await g().challenges.create(anAthlete(['ADMIN']), aChallengeInput({ target: 50_000 }));
    const workouts = [
      aWorkoutSummary({ userId: ann.userId, distanceMeters: 8_000, elevationGainMeters: 120 }),
      aWorkoutSummary({
        userId: ann.userId,
        sport: 'RIDE',
        distanceMeters: 40_000,
        startedAt: '2026-11-02T16:00:00.000Z',
      }),
      aWorkoutSummary({ userId: bob.userId, distanceMeters: 12_000, startedAt: '2026-11-19T05:30:00.000Z' }),
      aWorkoutSummary({ userId: bob.userId, sport: 'WALK', distanceMeters: 3_000, movingSeconds: 2_400 }),
      aWorkoutSummary({ userId: cid.userId, sport: 'HIKE', distanceMeters: 9_000, elevationGainMeters: 700 }),
    ];
    await g().challenges.join(ann, challenge.id);
    for (const workout of workouts) await g().deliver(events.completed(workout));
    await g().challenges.join(bob, challenge.id);
    await g().deliver(events.updated({ ...workouts[0]!, distanceMeters: 9_500 }));
    await g().deliver(events.deleted(workouts[3]!));
    await g().challenges.join(cid, challenge.id);
    await g().challenges.leave(cid, challenge.id);

    const boards = boardsReachedBy(workouts, challenge.id);
    const live = await snapshot(g().store, boards);
    expect(live[challengeBoardId(challenge.id)]).toEqual([
      { athleteId: ann.userId, score: 49_500 },
      { athleteId: bob.userId, score: 12_000 },
    ]);

    // Rebuilt into an empty store: the same boards as the live ones.
    await expectRebuiltAsLive((fresh) => g().rebuild(fresh), boards, live);

    // A board write that was lost (or a stray one) is repaired by a rebuild in place.
    await g().store.add([
      { board: boards[0]!, athleteId: ann.userId, delta: -1_000 },
      { board: boards[1]!, athleteId: uuidv7(), delta: 5 },
    ]);
    expect(await snapshot(g().store, boards)).not.toEqual(live);
    await g().rebuild();
    expect(await snapshot(g().store, boards)).toEqual(live);
  });
});
