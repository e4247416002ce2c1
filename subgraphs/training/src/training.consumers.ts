/**
 * The events training handles, each applied once (inbox dedup in the same unit of work):
 * - `inventory.gear.changed` keeps its copy of each athlete's gear (known gear);
 * - social's follow and block events keep its copy of who may see whom (visibility/social-graph.repo.ts):
 *   `social.follow.requested` grants nothing, so it is not handled;
 * - `identity.user.deleted` erases everything training holds about the user.
 */
import type { ConsumeOnce } from '../../../lib/db/unit-of-work';
import type { EventHandlers } from '../../../lib/events/event-consumer';
import type { TrainingRepos } from './training.repos';

/** Training's consumer group and inbox name. */
export const TRAINING_CONSUMER = 'training';

export function createTrainingConsumers(deps: {
  consumeOnce: ConsumeOnce<Pick<TrainingRepos, 'knownGear' | 'socialGraph' | 'erasure'>>;
}): EventHandlers {
  const { consumeOnce } = deps;
  return {
    'inventory.gear.changed': async (event) => {
      await consumeOnce(event.id, ({ knownGear }) => knownGear.save(event.data));
    },
    'social.follow.accepted': async ({ id, data }) => {
      await consumeOnce(id, ({ socialGraph }) =>
        socialGraph.followAccepted(data.followerId, data.followeeId, new Date(data.acceptedAt)),
      );
    },
    'social.follow.removed': async ({ id, data }) => {
      await consumeOnce(id, ({ socialGraph }) =>
        socialGraph.followRemoved(data.followerId, data.followeeId, new Date(data.removedAt)),
      );
    },
    'social.user.blocked': async ({ id, data }) => {
      await consumeOnce(id, ({ socialGraph }) =>
        socialGraph.blocked(data.blockerId, data.blockedId, new Date(data.blockedAt)),
      );
    },
    'social.user.unblocked': async ({ id, data }) => {
      await consumeOnce(id, ({ socialGraph }) =>
        socialGraph.unblocked(data.blockerId, data.blockedId, new Date(data.unblockedAt)),
      );
    },
    'identity.user.deleted': async ({ id, data }) => {
      await consumeOnce(id, ({ erasure }) => erasure.eraseUser(data.userId));
    },
  };
}
