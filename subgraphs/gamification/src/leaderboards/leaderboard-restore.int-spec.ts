import { pino } from 'pino';
import { loadConfig } from '../../../../lib/config/config';
import { useFixture } from '../../../../lib/testing/fixture';
import { availableDatabaseKinds } from '../../../../lib/testing/test-databases';
import { IN_PROCESS_LEADERBOARDS_NOTE, restoreLeaderboards } from './leaderboard-restore';
import { challengeBoardId } from '../challenges/member-standing';
import { aChallengeInput, anAthlete, aWorkoutSummary, events } from '../gamification.builders';
import { testContextRuntime } from '../../../../lib/testing/context-runtime';
import { gamificationContext } from '../index';
import { openTestGamification } from '../gamification.test-db';
import { createInProcessLeaderboardStore } from './in-process-leaderboard-store';
import { boardsReachedBy } from './leaderboard-snapshot';
import { type LeaderboardStore } from './leaderboard-store';

const silent = pino({ level: 'silent' });
const NOVEMBER_2026 = () => Date.parse('2026-11-21T12:00:00Z');

/**
 * Every entry of the boards with its rank. Among equal scores the live board ranks who reached the score
 * first, which a rebuild approximates (see board-rebuild.int-spec): tied athletes share the rank of the
 * first of them and are listed by id.
 */
async function entriesOf(store: LeaderboardStore, boards: readonly string[]) {
  const tops = await Promise.all(
    boards.map(async (board) => {
      const top = await store.top(board, 100);
      const tieRanks = new Map<number, number>();
      for (const e of top) if (!tieRanks.has(e.score)) tieRanks.set(e.score, e.rank);
      return [
        board,
        top
          .map((e) => ({ ...e, rank: tieRanks.get(e.score)! }))
          .sort((a, b) => a.rank - b.rank || a.athleteId.localeCompare(b.athleteId)),
      ] as const;
    }),
  );
  return Object.fromEntries(tops.filter(([, top]) => top.length > 0));
}

/** Counts the turns the event loop takes while `work` runs (none when the work never yields). */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let running = true;
  const spin = () => {
    if (!running) return;
    turns += 1;
    setImmediate(spin);
  };
  setImmediate(spin);
  try {
    return { result: await work(), turns };
  } finally {
    running = false;
  }
}

describe.each(availableDatabaseKinds())('leaderboards restored at start on %s', (kind) => {
  const g = useFixture(() => openTestGamification(kind));

  it('gives a new process the boards the previous one had, reading the ledger a page at a time', async () => {
    const [ann, bob, cid] = [anAthlete(), anAthlete(), anAthlete()];
    const challenge = await g().challenges.create(anAthlete(['ADMIN']), aChallengeInput({ target: 100_000 }));
    await g().challenges.join(ann, challenge.id);
    await g().challenges.join(bob, challenge.id);
    const workouts = [
      aWorkoutSummary({ userId: ann.userId, distanceMeters: 8_000, elevationGainMeters: 120 }),
      aWorkoutSummary({ userId: ann.userId, sport: 'RIDE', distanceMeters: 41_000 }),
      aWorkoutSummary({ userId: bob.userId, distanceMeters: 12_500, startedAt: '2026-11-19T05:30:00.000Z' }),
      aWorkoutSummary({ userId: bob.userId, distanceMeters: 30_000, visibility: 'PRIVATE' }),
      aWorkoutSummary({ userId: cid.userId, sport: 'HIKE', distanceMeters: 9_000, elevationGainMeters: 700 }),
      aWorkoutSummary({ userId: cid.userId, distanceMeters: 5_000, startedAt: '2026-11-03T06:00:00.000Z' }),
    ];
    for (const workout of workouts) await g().deliver(events.completed(workout));
    await g().deliver(events.updated({ ...workouts[0]!, distanceMeters: 9_500 }));
    await g().deliver(events.deleted(workouts[5]!));
    const boards = boardsReachedBy(workouts, challenge.id);
    const before = await entriesOf(g().store, boards);
    expect(before[challengeBoardId(challenge.id)]).toEqual([
      { athleteId: ann.userId, score: 50_500, rank: 1 },
      { athleteId: bob.userId, score: 12_500, rank: 2 },
    ]);

    // The next process starts with an empty in-process store and restores it before it serves anyone.
    const restarted = createInProcessLeaderboardStore({ now: NOVEMBER_2026 });
    const { result, turns } = await turnsDuring(() =>
      restoreLeaderboards({
        store: restarted,
        rebuild: () => g().rebuild(restarted, { pageSize: 2, batchSize: 10 }),
        logger: silent,
      }),
    );
    expect(await entriesOf(restarted, boards)).toEqual(before);
    expect(result).toMatchObject({ workouts: 6, boards: boards.length });
    // A turn of the event loop after each page of facts and each batch of writes, at least.
    expect(turns).toBeGreaterThanOrEqual(3 + Math.ceil(result!.entries / 10));
    await restarted.close();
  });

  it('has a replay without REDIS_URL apply the events and leave the boards to the next start', async () => {
    const replay = testContextRuntime('gamification', g().prisma, {
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    });
    try {
      const parts = await gamificationContext.parts(replay);
      const handlers = gamificationContext.consumers!(parts, replay);
      const run = aWorkoutSummary({ distanceMeters: 21_100 });
      await handlers['training.workout.completed']!(events.completed(run));
      expect((await g().facts.find(run.workoutId))?.distanceMeters).toBe(21_100);
      expect(await gamificationContext.afterReplay!(parts, replay)).toBe(IN_PROCESS_LEADERBOARDS_NOTE);
    } finally {
      await replay.release();
    }
  });
});
