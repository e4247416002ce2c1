import { fixedClock } from '../../../lib/clock';
import type { AnyEvent } from '../../../lib/events/envelope';
import { aWorkoutSummary, events } from './gamification.builders';
import { gamificationConsumers } from './gamification.consumers';
import { fakeConsumeOnce, fakeGamificationRepos, fakeLeaderboardUpdater } from './gamification.fakes';
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

  it("hands an update to the credit service as the workout's summary and a deletion as its removal", async () => {
    const { deliver, rows, repos } = newTestConsumers();
    const run = aWorkoutSummary();
    await deliver(events.completed(run));
    await deliver(events.updated({ ...run, distanceMeters: 12_000 }));
    expect(rows.ledger.map((e) => e.kind)).toEqual(['CREDIT', 'CORRECTION']);
    await deliver(events.deleted(run));
    expect(await repos.facts.factsOf(run.userId)).toEqual([]);
    expect(rows.ledger.reduce((sum, e) => sum + e.points, 0)).toBe(0);
  });
});

describe('identity.user.deleted', () => {
  it('erases the athlete once however often it is delivered and gives the leaderboards what the erasure returns', async () => {
    const { deliver, rows, repos, updater } = newTestConsumers();
    const run = aWorkoutSummary();
    await deliver(events.completed(run));
    const credited = updater.applied.length;
    const deletion = events.userDeleted(run.userId);
    await deliver(deletion);
    const erasedChanges = updater.applied.slice(credited);
    expect(erasedChanges.length).toBeGreaterThan(0);
    expect(erasedChanges.every((c) => c.athleteId === run.userId && c.delta < 0)).toBe(true);
    expect(rows.ledger).toEqual([]);
    expect(await repos.facts.factsOf(run.userId)).toEqual([]);
    await deliver(deletion);
    expect(updater.applied).toHaveLength(credited + erasedChanges.length);
  });
});
