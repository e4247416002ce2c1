import { eventually } from '../lib/testing/eventually';
import {
  BoardAthletesDocument,
  GamificationMeDocument,
  LogManualDocument,
  MyRankDocument,
  SetWorkoutVisibilityDocument,
} from './__generated__/operations';
import { anAthlete } from './support/athletes';
import { useTestPlatform } from './support/test-platform';

const pulse = useTestPlatform();
const ALL_TIME_DISTANCE = { metric: 'DISTANCE' as const, period: 'ALL_TIME' as const };

describe('private workouts and private account details through the gateway', () => {
  it('keeps a private run off the boards others read, yet credits its XP; making it public puts it there', async () => {
    const ann = await anAthlete(pulse(), 'Ann Private');
    const bob = await anAthlete(pulse(), 'Bob Reader');
    const logged = await pulse().send(
      LogManualDocument,
      {
        input: {
          sport: 'RUN',
          startedAt: new Date(Date.now() - 3_600_000).toISOString(),
          durationSeconds: 1_800,
          distanceMeters: 5_000,
          visibility: 'PRIVATE',
        },
      },
      ann.accessToken,
    );
    const workoutId = logged.data!.logManualWorkout.id;
    await eventually(async () =>
      expect((await pulse().send(GamificationMeDocument, {}, ann.accessToken)).data!.me.xp).toBeGreaterThan(
        0,
      ),
    );
    const boardAsSeenBy = async (token: string) =>
      (await pulse().send(BoardAthletesDocument, { board: ALL_TIME_DISTANCE }, token))
        .data!.leaderboard.edges.map((e) => e.node)
        .filter((node) => node.athlete.id === ann.user.id);
    expect(await boardAsSeenBy(bob.accessToken)).toEqual([]);
    expect(
      (await pulse().send(MyRankDocument, { board: ALL_TIME_DISTANCE }, ann.accessToken)).data!.myRank,
    ).toBeNull();

    await pulse().send(
      SetWorkoutVisibilityDocument,
      { id: workoutId, visibility: 'PUBLIC' },
      ann.accessToken,
    );
    // Another athlete sees the score and the athlete, not the account's roles or age.
    await eventually(async () =>
      expect(await boardAsSeenBy(bob.accessToken)).toEqual([
        { score: 5_000, athlete: { id: ann.user.id, roles: null, createdAt: null } },
      ]),
    );
    expect(await boardAsSeenBy(ann.accessToken)).toEqual([
      { score: 5_000, athlete: { id: ann.user.id, roles: ['ATHLETE'], createdAt: expect.any(String) } },
    ]);
  });
});
