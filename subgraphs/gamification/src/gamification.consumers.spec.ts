import { fixedClock } from '../../../lib/clock';
import type { AnyEvent } from '../../../lib/events/envelope';
import { aWorkoutSummary, events } from './gamification.builders';
import { gamificationConsumers } from './gamification.consumers';
import { fakeConsumeOnce, fakeGamificationRepos, fakeLeaderboardUpdater } from './gamification.fakes';
import { createInProcessLeaderboardStore } from './leaderboards/in-process-leaderboard-store';
import { rebuildLeaderboards } from './leaderboards/leaderboard-rebuild';
import { createWorkoutCreditService } from './ledger/workout-credit.service';

const clock = fixedClock('2026-11-21T12:00:00Z');

function newTestConsumers() {
  const fakes = fakeGamificationRepos();
  const updater = fakeLeaderboardUpdater();
  let notified = 0;
  const handlers = gamificationConsumers({
    consumeOnce: fakeConsumeOnce(fakes.repos),
    credits: createWorkoutCreditService({ clock }),
    leaderboards: updater,
    notify: () => void (notified += 1),
  });
  const deliver = (event: AnyEvent) => (handlers[event.type] as (e: AnyEvent) => Promise<void>)(event);
  return { ...fakes, updater, deliver, notifications: () => notified };
}

describe('training.workout.*', () => {
  it('applies an event once however often it is delivered, moves the leaderboards after it and wakes the relay', async () => {
    const { deliver, rows, updater, notifications } = newTestConsumers();
    const completed = events.completed(aWorkoutSummary());
    await deliver(completed);
    const moved = updater.applied.length;
    await deliver(completed);
    expect(rows.ledger).toHaveLength(1);
    expect(moved).toBeGreaterThan(0);
    expect(updater.applied).toHaveLength(moved);
    expect(notifications()).toBe(1);
  });
});

describe('identity.user.deleted', () => {
  it("erases the athlete's rows and takes every score off the leaderboards", async () => {
    const { deliver, rows, repos, updater } = newTestConsumers();
    const run = aWorkoutSummary();
    await deliver(events.completed(run));
    await deliver(events.userDeleted(run.userId));
    expect(rows.ledger).toEqual([]);
    expect(await repos.facts.factsOf(run.userId)).toEqual([]);
    expect(rows.levels.has(run.userId)).toBe(false);
    expect(rows.unlocked.has(run.userId)).toBe(false);
    const net = new Map<string, number>();
    for (const c of updater.applied) net.set(c.board, (net.get(c.board) ?? 0) + c.delta);
    expect([...net.values()].every((delta) => delta === 0)).toBe(true);
  });
});

describe('rebuildLeaderboards', () => {
  it('gives the leaderboards the events built, from the facts and the ledger', async () => {
    const { deliver, repos, updater } = newTestConsumers();
    const run = aWorkoutSummary();
    const ride = aWorkoutSummary({ userId: run.userId, sport: 'RIDE', distanceMeters: 40_000 });
    const gone = aWorkoutSummary();
    for (const summary of [run, ride, gone]) await deliver(events.completed(summary));
    await deliver(events.deleted(gone));
    const live = createInProcessLeaderboardStore({ now: () => clock.now().getTime() });
    await live.add(updater.applied);
    const rebuilt = createInProcessLeaderboardStore({ now: () => clock.now().getTime() });
    const result = await rebuildLeaderboards({ repos, store: rebuilt, clock }, { pageSize: 1 });
    expect(result.workouts).toBe(3);
    for (const board of ['period:DISTANCE:WEEK:ALL:2026-W47', 'period:XP:ALL_TIME:RIDE:all'])
      expect(await rebuilt.top(board, 10)).toEqual(await live.top(board, 10));
    expect(await rebuilt.rankOf('period:DISTANCE:WEEK:ALL:2026-W47', gone.userId)).toBeNull();
    await Promise.all([live.close(), rebuilt.close()]);
  });
});
