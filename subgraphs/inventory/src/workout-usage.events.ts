/**
 * The inventory context's event handlers: training's workout events credit, correct or reverse gear wear.
 * Each event is applied once (consumeOnce records its id with its effects); a redelivery changes nothing.
 */
import type { EventEnvelope } from '../../../lib/events/envelope';
import type { EventHandlers } from '../../../lib/events/event-consumer';
import { consumeOnce } from '../../../lib/events/inbox';
import type { Clock } from './gear.service';
import { createGearUsageRepo } from './gear-usage.repo';
import { createGearRepo } from './gear.repo';
import { createInventoryPrisma, type InventoryPrisma } from './inventory.prisma';
import { reconcileWorkoutUsage, type WorkoutState } from './workout-usage.service';

/** The consumer name under which inventory records the events it processed. */
export const INVENTORY_CONSUMER = 'inventory';

export interface InventoryEventDeps {
  prisma: InventoryPrisma;
  /** Called after a commit that wrote outbox rows (wakes the outbox relay). */
  notify: () => void;
  clock?: Clock;
}

/** Builds the handlers of the workout events (used by the subgraph and by replay scripts). */
export function createInventoryEventHandlers(deps: InventoryEventDeps): EventHandlers {
  const { prisma, notify } = deps;
  const clock = deps.clock ?? { now: () => new Date() };

  async function reconcile(event: EventEnvelope, workout: WorkoutState): Promise<void> {
    let written = 0;
    await consumeOnce(prisma, INVENTORY_CONSUMER, event.id, async (tx) => {
      const repos = { gear: createGearRepo(tx), usages: createGearUsageRepo(tx) };
      written = await reconcileWorkoutUsage(
        repos,
        workout,
        { actorId: event.actorId, causedBy: event },
        clock.now(),
      );
    });
    if (written > 0) notify();
  }

  const ofSummary = (event: EventEnvelope<'training.workout.completed' | 'training.workout.updated'>) =>
    reconcile(event, { workoutId: event.data.workoutId, userId: event.data.userId, summary: event.data });

  return {
    'training.workout.completed': ofSummary,
    'training.workout.updated': ofSummary,
    'training.workout.deleted': (event) =>
      reconcile(event, { workoutId: event.data.workoutId, userId: event.data.userId, summary: null }),
  };
}

/**
 * How a replay builds inventory's consumers without its server. The threshold events a replay writes stay
 * in the outbox until the subgraph's relay publishes them (on its next tick).
 */
export const inventoryConsumers = {
  context: 'inventory',
  createClient: createInventoryPrisma,
  handlers: (prisma: InventoryPrisma): EventHandlers =>
    createInventoryEventHandlers({ prisma, notify: () => undefined }),
};
