/** What training does with other contexts' events: keep its copy of each athlete's gear. */
import type { EventHandlers } from '../../../lib/events/event-consumer';
import { consumeOnce } from '../../../lib/events/inbox';
import { createKnownGearRepo, type KnownGearRepo } from './known-gear.repo';
import { createTrainingPrisma, type TrainingPrisma } from './training.prisma';

export const TRAINING_CONSUMER = 'training';

export function createTrainingEventHandlers(deps: {
  prisma: TrainingPrisma;
  knownGear: KnownGearRepo;
}): EventHandlers {
  return {
    'inventory.gear.changed': async (event) => {
      await consumeOnce(deps.prisma, TRAINING_CONSUMER, event.id, (tx) =>
        deps.knownGear.save(tx, event.data),
      );
    },
  };
}

/** How a replay builds training's consumers without its server. */
export const trainingConsumers = {
  context: 'training',
  createClient: createTrainingPrisma,
  handlers: (prisma: TrainingPrisma) =>
    createTrainingEventHandlers({ prisma, knownGear: createKnownGearRepo(prisma) }),
};
