/**
 * The social context: profiles, the follow graph with approval, blocks, clubs, the activity feed (fan-out on
 * write from training's workouts, live through `feedUpdated`), kudos and comments, partner search, and media
 * (avatars, workout photos) through the object store.
 */
import { defineContext, schemaBeside, type ContextRuntime } from '../../../lib/context/context-descriptor';
import { dataDirOf } from '../../../lib/db/database-target';
import { consumingOnce, inTransaction } from '../../../lib/db/unit-of-work';
import { createObjectStore } from '../../../lib/objects/create-object-store';
import { objectRoutes } from '../../../lib/objects/object-routes';
import { createPubSub } from '../../../lib/pubsub/create-pubsub';
import { createInProcessPubSub } from '../../../lib/pubsub/in-process-pubsub';
import { createClubService } from './clubs/club.service';
import { createFeedService } from './feed/feed.service';
import { createFollowService } from './follows/follow.service';
import { createMediaService } from './media/media.service';
import { createPartnersService } from './partners/partners.service';
import { createProfileService } from './profiles/profile.service';
import { createReactionsService } from './reactions/reactions.service';
import { createResolvers } from './resolvers';
import { createSocialLoaders } from './social-loaders';
import { SOCIAL_CONSUMER, socialConsumers } from './social.consumers';
import { socialHttpRoutes } from './social.http-routes';
import { createSocialPrisma, type SocialPrisma } from './social.prisma';
import { socialRepos } from './social.repos';
import type { SocialServiceDeps } from './social.service-deps';

/** How often uploads never confirmed are looked for. */
const SWEEP_EVERY_MS = 3_600_000;

async function socialParts({
  db,
  config,
  logger,
  clock,
  notify,
  hold,
  serving,
}: ContextRuntime<SocialPrisma>) {
  const repos = socialRepos(db);
  // A replay tells no one live: nobody subscribes to its process.
  const pubsub = serving ? createPubSub(config, logger) : createInProcessPubSub();
  hold(() => pubsub.close());
  const objects = await createObjectStore(config.objects, {
    dataDir: dataDirOf(config),
    publicBaseUrl: config.objects.publicUrl,
  });
  hold(() => objects.store.close());
  const deps: SocialServiceDeps = {
    repos,
    inTransaction: inTransaction(db, socialRepos),
    clock,
    notify,
    fanOutMaxFollowers: config.social.fanOutMaxFollowers,
  };
  const profiles = createProfileService(deps);
  const reactions = createReactionsService(deps);
  return {
    repos,
    objects,
    profiles,
    reactions,
    follows: createFollowService(deps),
    feed: createFeedService({ ...deps, pubsub, logger }),
    clubs: createClubService(deps),
    media: createMediaService({ ...deps, store: objects.store }),
    partners: createPartnersService(deps),
    loaders: createSocialLoaders({ repos, profiles, reactions }),
  };
}

export const socialContext = defineContext<SocialPrisma, Awaited<ReturnType<typeof socialParts>>>({
  name: 'social',
  typeDefs: schemaBeside(__dirname),
  createClient: createSocialPrisma,
  publishes: [
    'social.follow.requested',
    'social.follow.accepted',
    'social.follow.removed',
    'social.user.blocked',
    'social.user.unblocked',
    'social.kudos.given',
    'social.comment.added',
    'social.club.invited',
    'social.club.joined',
    'social.club.left',
  ],
  parts: socialParts,
  consumers: ({ feed, media, clubs }, { db, notify }) =>
    socialConsumers({
      // A workout may be fanned out to many followers: its transaction may take longer than Prisma's default.
      consumeOnce: consumingOnce(db, SOCIAL_CONSUMER, socialRepos, { maxWait: 10_000, timeout: 60_000 }),
      feed,
      media,
      clubs,
      notify,
    }),
  // Uploads never confirmed are swept once an hour.
  start: ({ objects, media }, { logger, hold }) => {
    logger.info(objects.store.describe());
    const sweep = setInterval(() => {
      media
        .sweepUnconfirmed()
        .catch((err: unknown) => logger.warn({ err }, 'sweeping unconfirmed uploads failed'));
    }, SWEEP_EVERY_MS);
    sweep.unref();
    hold(async () => clearInterval(sweep));
  },
  resolvers: (parts) => createResolvers(parts),
  http: {
    routes: socialHttpRoutes,
    mount: (app, { objects }, { logger }) => {
      if (objects.file) app.use(objectRoutes(objects.file, { logger }));
    },
  },
});
