import { fixedClock } from '../../../lib/clock';
import type { WorkoutSummary } from '../../../lib/events/contracts/training';
import type { EventEnvelope } from '../../../lib/events/envelope';
import { aGearRecord, aWorkoutSummary, workoutEvents } from './gear.builders';
import { fakeConsumeOnce, fakeInventoryRepos } from './inventory.fakes';
import { createWorkoutUsageService } from './workout-usage.service';

const NOW = new Date('2026-11-20T08:00:00Z');
const { completed, updated, deleted } = workoutEvents;

function newTestUsage() {
  const repos = fakeInventoryRepos();
  const consumeOnce = fakeConsumeOnce(repos);
  let notified = 0;
  const usage = createWorkoutUsageService({
    consumeOnce,
    clock: fixedClock(NOW),
    notify: () => void (notified += 1),
  });
  const shoes = aGearRecord({ retirementDistanceMeters: 30_000 });
  repos.gear.rows.push(shoes);
  const apply = (event: EventEnvelope<'training.workout.completed' | 'training.workout.updated'>) =>
    usage.apply(event, { workoutId: event.data.workoutId, userId: event.data.userId, summary: event.data });
  const applyDeleted = (summary: WorkoutSummary) => {
    const event = deleted(summary);
    return usage.apply(event, { workoutId: summary.workoutId, userId: summary.userId, summary: null });
  };
  const distanceOf = (id: string) => repos.gear.rows.find((g) => g.id === id)!.creditedDistanceMeters;
  return { repos, shoes, apply, applyDeleted, distanceOf, notifications: () => notified };
}

describe('workout usage', () => {
  it('credits a finished workout to each of its athlete’s gear items, once per event', async () => {
    const { shoes, apply, distanceOf } = newTestUsage();
    const event = completed(aWorkoutSummary({ userId: shoes.userId, gearIds: [shoes.id] }));
    expect(await apply(event)).toBe('applied');
    expect(await apply(event)).toBe('duplicate');
    expect(distanceOf(shoes.id)).toBe(10_000);
  });

  it('credits nothing to gear of another athlete, nor for a workout in progress', async () => {
    const { shoes, apply, distanceOf, repos } = newTestUsage();
    await apply(completed(aWorkoutSummary({ gearIds: [shoes.id] })));
    await apply(
      updated(aWorkoutSummary({ userId: shoes.userId, gearIds: [shoes.id], status: 'IN_PROGRESS' })),
    );
    expect(distanceOf(shoes.id)).toBe(0);
    expect(repos.usages.rows).toEqual([]);
  });

  it('corrects the credit when the workout is edited, and reverses it when it is deleted', async () => {
    const { shoes, apply, applyDeleted, distanceOf, repos } = newTestUsage();
    const summary = aWorkoutSummary({ userId: shoes.userId, gearIds: [shoes.id] });
    await apply(completed(summary));
    await apply(updated({ ...summary, distanceMeters: 12_000 }));
    expect(distanceOf(shoes.id)).toBe(12_000);
    await applyDeleted(summary);
    expect(distanceOf(shoes.id)).toBe(0);
    expect(repos.usages.rows).toEqual([]);
  });

  it('ignores a state that arrives after the deletion (a replayed event)', async () => {
    const { shoes, apply, applyDeleted, distanceOf } = newTestUsage();
    const summary = aWorkoutSummary({ userId: shoes.userId, gearIds: [shoes.id] });
    await applyDeleted(summary);
    await apply(completed(summary));
    expect(distanceOf(shoes.id)).toBe(0);
  });

  it('writes a wear-threshold event caused by the workout event and wakes the relay, only when one is reached', async () => {
    const { shoes, apply, repos, notifications } = newTestUsage();
    await apply(completed(aWorkoutSummary({ userId: shoes.userId, gearIds: [shoes.id] })));
    expect(repos.outbox.events).toEqual([]);
    expect(notifications()).toBe(0);

    const second = completed(aWorkoutSummary({ userId: shoes.userId, gearIds: [shoes.id] }));
    await apply(second);
    expect(repos.outbox.events).toEqual([]);
    const over = completed(aWorkoutSummary({ userId: shoes.userId, gearIds: [shoes.id] }));
    await apply(over);
    expect(repos.outbox.events.map((e) => [e.type, e.data])).toEqual([
      [
        'inventory.gear.wear-threshold-reached',
        expect.objectContaining({ gearId: shoes.id, thresholdPercent: 80, distanceMeters: 30_000 }),
      ],
      [
        'inventory.gear.wear-threshold-reached',
        expect.objectContaining({ gearId: shoes.id, thresholdPercent: 100, distanceMeters: 30_000 }),
      ],
    ]);
    expect(repos.outbox.events[0]).toMatchObject({ causationId: over.id, occurredAt: NOW.toISOString() });
    expect(notifications()).toBe(1);
  });
});
