/**
 * The events the inventory context handles: training's workout events credit, correct or reverse gear wear.
 * Each event is applied once (the workout-usage service records its id with its effects).
 */
import type { EventEnvelope } from '../../../lib/events/envelope';
import type { EventHandlers } from '../../../lib/events/event-consumer';
import type { WorkoutUsageService } from './workout-usage.service';

/** The consumer name under which inventory records the events it processed. */
export const INVENTORY_CONSUMER = 'inventory';

/** The handlers of the workout events (served by the subgraph and by replays). */
export function inventoryConsumers(usage: WorkoutUsageService): EventHandlers {
  const ofSummary = async (
    event: EventEnvelope<'training.workout.completed' | 'training.workout.updated'>,
  ): Promise<void> => {
    await usage.apply(event, {
      workoutId: event.data.workoutId,
      userId: event.data.userId,
      summary: event.data,
    });
  };
  return {
    'training.workout.completed': ofSummary,
    'training.workout.updated': ofSummary,
    'training.workout.deleted': async (event) => {
      await usage.apply(event, { workoutId: event.data.workoutId, userId: event.data.userId, summary: null });
    },
  };
}
