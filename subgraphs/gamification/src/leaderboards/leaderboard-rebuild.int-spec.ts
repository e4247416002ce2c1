import { v7 as uuidv7 } from 'uuid';
import { availableDatabaseKinds } from '../../../../lib/testing/test-databases';
import { challengeBoardId } from '../challenges/member-standing';
import { anAthlete, aWorkoutSummary, events } from '../gamification.builders';
import { openTestGamification, type TestGamification } from '../gamification.test-db';
import { createInProcessLeaderboardStore } from './in-process-leaderboard-store';
import { periodBoardsOf } from './board-key';
import { type LeaderboardStore } from './leaderboard-store';

/**
 * Every entry of these boards. Among equal scores the order is who reached the score first, which a
 * rebuild can only approximate (it knows when each workout last changed, not each board): ties are
 * compared as sets, everything else (athletes, scores, ranks of distinct scores) exactly.
 */
async function snapshot(store: LeaderboardStore, boards: readonly string[]) {
  const entries = await Promise.all(
    boards.map(async (board) => {
      const top = await store.top(board, 100);
      expect(top.map((e) => e.rank)).toEqual(top.map((_e, i) => i + 1));
      const byScore = [...top].sort((a, b) => b.score - a.score || a.athleteId.localeCompare(b.athleteId));
      return [board, byScore.map((e) => ({ athleteId: e.athleteId, score: e.score }))] as const;
    }),
  );
  return Object.fromEntries(entries.filter(([, top]) => top.length > 0));
}

describe.each(availableDatabaseKinds())('leaderboards rebuilt from the ledger on %s', (kind) => {
  let g: TestGamification;
  beforeAll(async () => {
    g = await openTestGamification(kind);
  });
  afterAll(() => g.close());

  it('equal the live boards after credits, edits, deletions, a challenge and a lost write', async () => {
    const [ann, bob, cid] = [anAthlete(), anAthlete(), anAthlete()];
    const challenge = await g.challenges.create(anAthlete(['ADMIN']), {
      title: 'November kilometres',
      goal: 'DISTANCE',
      target: 50_000,
      startsAt: new Date('2026-11-01T00:00:00Z'),
      endsAt: new Date('2026-12-01T00:00:00Z'),
    });
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
    await g.challenges.join(ann, challenge.id);
    for (const workout of workouts) await g.deliver(events.completed(workout));
    await g.challenges.join(bob, challenge.id);
    await g.deliver(events.updated({ ...workouts[0]!, distanceMeters: 9_500 }));
    await g.deliver(events.deleted(workouts[3]!));
    await g.challenges.join(cid, challenge.id);
    await g.challenges.leave(cid, challenge.id);

    const boards = [
      ...new Set([
        ...workouts.flatMap((w) =>
          periodBoardsOf(w.sport as 'RUN', Date.parse(w.startedAt)).map((b) => b.board),
        ),
        challengeBoardId(challenge.id),
      ]),
    ];
    const live = await snapshot(g.store, boards);
    expect(live[challengeBoardId(challenge.id)]).toEqual([
      { athleteId: ann.userId, score: 49_500 },
      { athleteId: bob.userId, score: 12_000 },
    ]);

    // Rebuilt into an empty store: the same boards as the live ones.
    const fresh = createInProcessLeaderboardStore({ now: () => Date.parse('2026-11-21T12:00:00Z') });
    await g.rebuild(fresh);
    expect(await snapshot(fresh, boards)).toEqual(live);
    await fresh.close();

    // A board write that was lost (or a stray one) is repaired by a rebuild in place.
    await g.store.add([
      { board: boards[0]!, athleteId: ann.userId, delta: -1_000 },
      { board: boards[1]!, athleteId: uuidv7(), delta: 5 },
    ]);
    expect(await snapshot(g.store, boards)).not.toEqual(live);
    await g.rebuild();
    expect(await snapshot(g.store, boards)).toEqual(live);
  });
});
