/** The social context's repositories, bound to one transaction (or to the client, for single statements). */
import { createOutboxWriter } from '../../../lib/events/outbox';
import { createRelationRepo } from './access/relation.repo';
import { createClubRepo } from './clubs/club.repo';
import { createFeedRepo } from './feed/feed.repo';
import { createBlockRepo, createFollowRepo } from './follows/follow.repo';
import { createMediaRepo } from './media/media.repo';
import { createPartnerSearchRepo } from './partners/partner-search.repo';
import { createProfileRepo } from './profiles/profile.repo';
import { createReactionRepo } from './reactions/reaction.repo';
import type { SocialTx } from './social.prisma';
import { createWorkoutRepo } from './workouts/workout.repo';

export type SocialRepos = ReturnType<typeof socialRepos>;

export function socialRepos(tx: SocialTx) {
  return {
    profiles: createProfileRepo(tx),
    relations: createRelationRepo(tx),
    follows: createFollowRepo(tx),
    blocks: createBlockRepo(tx),
    workouts: createWorkoutRepo(tx),
    feed: createFeedRepo(tx),
    reactions: createReactionRepo(tx),
    clubs: createClubRepo(tx),
    media: createMediaRepo(tx),
    partners: createPartnerSearchRepo(tx),
    outbox: createOutboxWriter(tx),
  };
}
