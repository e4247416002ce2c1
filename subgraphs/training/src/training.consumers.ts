/** The events training handles: `inventory.gear.changed` keeps its copy of each athlete's gear (known gear). */
import type { ConsumeOnce } from '../../../lib/db/unit-of-work';
import type { EventHandlers } from '../../../lib/events/event-consumer';
import type { TrainingRepos } from './training.repos';

/** Training's consumer group and inbox name. */
export const TRAINING_CONSUMER = 'training';

export function createTrainingConsumers(deps: {
  consumeOnce: ConsumeOnce<Pick<TrainingRepos, 'knownGear'>>;
}): EventHandlers {
  return {
    'inventory.gear.changed': async (event) => {
      await deps.consumeOnce(event.id, ({ knownGear }) => knownGear.save(event.data));
    },
  };
}
