import { v7 as uuidv7 } from 'uuid';
import { fixedClock } from '../../../../lib/clock';
import type { WorkoutSummary } from '../../../../lib/events/contracts/training';
import { challengeBoardId } from '../challenges/member-standing';
import { aChallengeInput, aWorkoutSummary } from '../gamification.builders';
import { fakeGamificationRepos } from '../gamification.fakes';
import type { ScoreChange } from '../leaderboards/leaderboard-store';
import { createWorkoutCreditService } from '../ledger/workout-credit.service';
import { eraseAthlete } from './athlete-erasure';

const NOW = new Date('2026-11-21T12:00:00Z');
let eventCount = 0;

function newTestErasure() {
  const fakes = fakeGamificationRepos();
  const { rows, repos } = fakes;
  const credits = createWorkoutCreditService({ clock: fixedClock(NOW) });
  /** Every score change the leaderboards were given before the erasure. */
  const moved: ScoreChange[] = [];
  const credit = async (summary: WorkoutSummary) => {
    const outcome = await credits.apply(
      repos,
      { kind: 'summary', summary },
      {
        eventId: `00000000-0000-7000-8000-${String(++eventCount).padStart(12, '0')}`,
        origin: { actorId: null },
      },
    );
    moved.push(...outcome.scoreChanges);
  };
  /** A running challenge the athlete is a member of, with `boardScore` on its leaderboard. */
  const join = (userId: string, boardScore: number) => {
    const challenge = { id: uuidv7(), ...aChallengeInput(), sport: null, createdBy: userId };
    rows.challenges.push(challenge);
    rows.members.push({
      challengeId: challenge.id,
      userId,
      joinedAt: NOW,
      leftAt: null,
      completedAt: null,
      boardScore,
    });
    return challenge;
  };
  return { ...fakes, credit, join, moved, erase: (userId: string) => eraseAthlete(repos, userId) };
}

/** Each athlete's score per leaderboard after the changes. */
function scores(changes: readonly ScoreChange[]): Map<string, number> {
  const net = new Map<string, number>();
  for (const { board, athleteId, delta } of changes) {
    const key = `${board} ${athleteId}`;
    net.set(key, (net.get(key) ?? 0) + delta);
  }
  return net;
}

describe('eraseAthlete', () => {
  it("deletes every row the athlete has and leaves other athletes' rows alone", async () => {
    const { credit, join, erase, rows, repos } = newTestErasure();
    const run = aWorkoutSummary();
    const ride = aWorkoutSummary({ userId: run.userId, sport: 'RIDE', distanceMeters: 40_000 });
    const other = aWorkoutSummary();
    for (const summary of [run, ride, other]) await credit(summary);
    await repos.athletes.setTimeZone(run.userId, 'Europe/Paris');
    join(run.userId, 0);
    join(other.userId, 0);
    expect(rows.unlocked.has(run.userId)).toBe(true);

    await erase(run.userId);

    expect(rows.ledger.map((e) => e.userId)).toEqual([other.userId]);
    expect(await repos.facts.factsOf(run.userId)).toEqual([]);
    expect(await repos.facts.factsOf(other.userId)).toHaveLength(1);
    expect(rows.levels.has(run.userId)).toBe(false);
    expect(rows.zones.has(run.userId)).toBe(false);
    expect(rows.unlocked.has(run.userId)).toBe(false);
    expect(rows.members.map((m) => m.userId)).toEqual([other.userId]);
    expect(rows.levels.has(other.userId)).toBe(true);
  });

  it("returns the changes that take the athlete's scores off every period leaderboard, and no one else's", async () => {
    const { credit, erase, moved } = newTestErasure();
    const run = aWorkoutSummary();
    const ride = aWorkoutSummary({ userId: run.userId, sport: 'RIDE', distanceMeters: 40_000 });
    const other = aWorkoutSummary();
    for (const summary of [run, ride, other]) await credit(summary);

    const changes = await erase(run.userId);

    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((c) => c.athleteId === run.userId)).toBe(true);
    const after = [...scores([...moved, ...changes])];
    const erased = after.filter(([key]) => key.endsWith(run.userId));
    expect(erased.length).toBeGreaterThan(0);
    expect(erased.map(([, score]) => score)).toEqual(erased.map(() => 0));
    expect(after.some(([key, score]) => key.endsWith(other.userId) && score > 0)).toBe(true);
  });

  it("takes the athlete's challenge scores off; a membership with no score changes nothing", async () => {
    const { join, erase } = newTestErasure();
    const userId = uuidv7();
    const scored = join(userId, 7_000);
    join(userId, 0);
    expect(await erase(userId)).toEqual([
      { board: challengeBoardId(scored.id), athleteId: userId, delta: -7_000 },
    ]);
  });

  it('erases an athlete gamification never heard of: nothing to delete, nothing to move', async () => {
    const { erase, rows } = newTestErasure();
    const userId = uuidv7();
    expect(await erase(userId)).toEqual([]);
    expect(rows.levels.has(userId)).toBe(false);
  });
});
