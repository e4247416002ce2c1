import { v7 as uuidv7 } from 'uuid';
import { fixedClock } from '../../../../lib/clock';
import type { WorkoutSummary } from '../../../../lib/events/contracts/training';
import { challengeBoardId } from '../challenges/member-standing';
import { aChallengeInput, aWorkoutSummary } from '../gamification.builders';
import { fakeGamificationRepos, fakeTransaction } from '../gamification.fakes';
import { createWorkoutCreditService, type WorkoutState } from '../ledger/workout-credit.service';
import { createInProcessLeaderboardStore } from './in-process-leaderboard-store';
import { rebuildLeaderboards } from './leaderboard-rebuild';
import type { LeaderboardStore } from './leaderboard-store';

const clock = fixedClock('2026-11-21T12:00:00Z');
const weekDistance = 'period:DISTANCE:WEEK:ALL:2026-W47';
let eventCount = 0;

const opened: LeaderboardStore[] = [];
afterEach(() => Promise.all(opened.splice(0).map((store) => store.close())));

/**
 * The fakes credited as the consumers do it, a live store given every score change on the way, and a
 * second store to rebuild into: after a rebuild both must rank alike.
 */
function newTestRebuild() {
  const fakes = fakeGamificationRepos();
  const credits = createWorkoutCreditService({ clock });
  const live = createInProcessLeaderboardStore({ now: () => clock.now().getTime() });
  const rebuilt = createInProcessLeaderboardStore({ now: () => clock.now().getTime() });
  opened.push(live, rebuilt);
  const apply = async (state: WorkoutState) => {
    const outcome = await credits.apply(fakes.repos, state, {
      eventId: `00000000-0000-7000-8000-${String(++eventCount).padStart(12, '0')}`,
      origin: { actorId: null },
    });
    await live.add(outcome.scoreChanges);
  };
  const completed = (summary: WorkoutSummary) => apply({ kind: 'summary', summary });
  const deleted = (summary: WorkoutSummary) =>
    apply({ kind: 'deleted', workoutId: summary.workoutId, userId: summary.userId, deletedAt: clock.now() });
  const rebuild = (options = { pageSize: 1 }) =>
    rebuildLeaderboards(
      { repos: fakes.repos, inTransaction: fakeTransaction(fakes.repos), store: rebuilt, clock },
      options,
    );
  return { ...fakes, live, rebuilt, completed, deleted, rebuild };
}

describe('rebuildLeaderboards', () => {
  it('gives the leaderboards the scores the events built, from the facts and the ledger', async () => {
    const { live, rebuilt, completed, deleted, rebuild } = newTestRebuild();
    const run = aWorkoutSummary();
    const ride = aWorkoutSummary({ userId: run.userId, sport: 'RIDE', distanceMeters: 40_000 });
    const gone = aWorkoutSummary();
    for (const summary of [run, ride, gone]) await completed(summary);
    await deleted(gone);
    const result = await rebuild();
    expect(result.workouts).toBe(3);
    for (const board of [weekDistance, 'period:XP:ALL_TIME:RIDE:all'])
      expect(await rebuilt.top(board, 10)).toEqual(await live.top(board, 10));
    expect(await rebuilt.rankOf(weekDistance, gone.userId)).toBeNull();
  });

  it("puts challenge members' progress on the challenge's leaderboard", async () => {
    const { live, rebuilt, completed, rebuild, rows } = newTestRebuild();
    const run = aWorkoutSummary();
    const challenge = { id: uuidv7(), ...aChallengeInput(), sport: null, createdBy: run.userId };
    rows.challenges.push(challenge);
    rows.members.push({
      challengeId: challenge.id,
      userId: run.userId,
      joinedAt: new Date('2026-11-01T00:00:00Z'),
      leftAt: null,
      completedAt: null,
      boardScore: 0,
    });
    await completed(run);
    const board = challengeBoardId(challenge.id);
    expect(await live.rankOf(board, run.userId)).not.toBeNull();
    await rebuild();
    expect(await rebuilt.top(board, 10)).toEqual(await live.top(board, 10));
  });

  it('records and announces a completion it finds first, and announces none recorded before', async () => {
    const { completed, rebuild, rows } = newTestRebuild();
    const run = aWorkoutSummary({ distanceMeters: 20_000 });
    await completed(run);
    const challenge = { id: uuidv7(), ...aChallengeInput(), sport: null, createdBy: run.userId };
    rows.challenges.push(challenge);
    // A member whose workouts reached the target without a settlement (a rule that changed, say).
    const member = {
      challengeId: challenge.id,
      userId: run.userId,
      joinedAt: new Date('2026-11-01T00:00:00Z'),
      leftAt: null,
      completedAt: null,
      boardScore: 0,
    };
    rows.members.push(member);
    rows.outbox.splice(0);
    await rebuild();
    expect(rows.members[0]?.completedAt).toEqual(new Date(run.startedAt));
    expect(rows.outbox.map((e) => [e.type, e.data])).toEqual([
      [
        'gamification.challenge.completed',
        {
          userId: run.userId,
          challengeId: challenge.id,
          title: challenge.title,
          completedAt: new Date(run.startedAt).toISOString(),
        },
      ],
    ]);
    await rebuild();
    expect(rows.outbox).toHaveLength(1);
  });

  it('clears the boards it rebuilds, so a score that drifted (a lost write) is gone', async () => {
    const { rebuilt, completed, rebuild } = newTestRebuild();
    const run = aWorkoutSummary();
    await completed(run);
    const stray = uuidv7();
    await rebuilt.add([
      { board: weekDistance, athleteId: stray, delta: 99_000 },
      { board: weekDistance, athleteId: run.userId, delta: 1 },
    ]);
    const result = await rebuild();
    expect(await rebuilt.rankOf(weekDistance, stray)).toBeNull();
    expect(await rebuilt.top(weekDistance, 10)).toEqual([
      expect.objectContaining({ athleteId: run.userId, score: 10_000 }),
    ]);
    expect(result.boards).toBeGreaterThan(0);
  });
});
