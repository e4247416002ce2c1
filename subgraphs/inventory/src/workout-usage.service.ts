/** Keeps gear credit in line with workouts: a finished workout credits, an edit corrects, a deletion reverses. */
import type { Clock } from '../../../lib/clock';
import type { ConsumeOnce } from '../../../lib/db/unit-of-work';
import type { WorkoutSummary } from '../../../lib/events/contracts/training';
import type { EventEnvelope, EventOrigin } from '../../../lib/events/envelope';
import type { GearUsageRepo } from './gear-usage.repo';
import { toGear } from './gear-view';
import { wearThresholdsReached } from './gear.publish';
import type { InventoryRepos } from './inventory.repos';
import { recordWearThresholds } from './wear-thresholds';
import { desiredUsages, diffUsages, type UsageChange } from './workout-usage';

/** The repositories of one transaction: the reconciliation commits as a whole or not at all. */
export type UsageRepos = Pick<InventoryRepos, 'gear' | 'usages' | 'outbox'>;

/** The latest state of a workout: its summary, or null once it was deleted. */
export interface WorkoutState {
  workoutId: string;
  userId: string;
  summary: WorkoutSummary | null;
}

export type WorkoutUsageService = ReturnType<typeof createWorkoutUsageService>;

/** Applies training's workout events to gear, each event once (its id is recorded with its effects). */
export function createWorkoutUsageService(deps: {
  consumeOnce: ConsumeOnce<UsageRepos>;
  clock: Clock;
  /** Called after a commit that wrote outbox rows (wakes the outbox relay). */
  notify: () => void;
}) {
  const { consumeOnce, clock, notify } = deps;
  return {
    /** Brings the workout's gear usage to its latest state, unless this event was applied before. */
    async apply(event: EventEnvelope, workout: WorkoutState): Promise<'applied' | 'duplicate'> {
      let written = 0;
      const outcome = await consumeOnce(event.id, async (repos) => {
        written = await reconcileWorkoutUsage(
          repos,
          workout,
          { actorId: event.actorId, causedBy: event },
          clock.now(),
        );
      });
      if (written > 0) notify();
      return outcome;
    },
  };
}

/**
 * Brings the usages of one workout to what its latest state asks for, moves the difference onto the gear
 * (retired gear too: a workout may be synced late) and writes a wear-threshold event for each threshold a
 * gear item reached for the first time. Returns how many events it wrote.
 */
async function reconcileWorkoutUsage(
  repos: UsageRepos,
  workout: WorkoutState,
  origin: EventOrigin,
  now: Date,
): Promise<number> {
  const { workoutId, userId } = workout;
  // Events of one workout arrive in order; a state that comes after its deletion (a re-driven or replayed
  // event) is stale and must not credit again.
  if (workout.summary === null) await repos.usages.markDeleted(workoutId, now);
  const summary = workout.summary && (await repos.usages.isDeleted(workoutId)) ? null : workout.summary;
  const existing = await repos.usages.usagesOfWorkout(workoutId);
  const own =
    summary?.status === 'FINISHED'
      ? await repos.usages.ownGearIds(userId, summary.gearIds)
      : new Set<string>();
  const changes = diffUsages(existing, desiredUsages(summary, own));

  const events = [];
  for (const change of changes) {
    // The gear row first: it orders concurrent credits and its outbox rows (lib/events/outbox.ts). Changes
    // come in gear id order, so concurrent reconciliations lock shared gear in the same order (no deadlock).
    const gear = toGear(
      await repos.gear.credit(change.usage.gearId, change.deltaDistanceMeters, change.deltaMovingSeconds),
    );
    await applyUsage(repos.usages, workoutId, userId, change);
    if (change.deltaDistanceMeters > 0) {
      const thresholds = await recordWearThresholds(repos.gear, gear, now);
      events.push(...wearThresholdsReached(gear, thresholds, origin, now));
    }
  }
  await repos.outbox.write(events);
  return events.length;
}

function applyUsage(usages: GearUsageRepo, workoutId: string, userId: string, change: UsageChange) {
  switch (change.op) {
    case 'insert':
      return usages.insert(workoutId, userId, change.usage);
    case 'update':
      return usages.update(workoutId, change.usage);
    case 'delete':
      return usages.delete(workoutId, change.usage.gearId);
  }
}
