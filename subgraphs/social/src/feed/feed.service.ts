/**
 * The activity feed: training's finished workouts become activities, fanned out to the feeds of those who may
 * see them (visibility and blocks checked when written and again when read); pages with keyset cursors, and
 * the live `feedUpdated` told after each commit that wrote into a feed.
 */
import type { WorkoutSummary } from '../../../../lib/events/contracts/training';
import { pageArgs, toConnection, type Connection } from '../../../../lib/graphql/relay';
import { parseTimeKey, timeKeyOf } from '../../../../lib/graphql/time-key';
import type { Logger } from '../../../../lib/logging/logger';
import { mappedSubscription } from '../../../../lib/pubsub/mapped-subscription';
import type { PubSub } from '../../../../lib/pubsub/pubsub';
import type { SocialRepos } from '../social.repos';
import type { SocialServiceDeps } from '../social.service-deps';
import { activityIdOf, type WorkoutFacts } from '../workouts/workout.repo';
import { feedChannel, type FeedMessage } from './feed-channel';
import type { FeedRow } from './feed.repo';

export type FeedItem = FeedRow;

/** How long the list of athletes merged at read time is reused. */
export const MERGED_REFRESH_MS = 10_000;

/** Where an event's activity went: the feeds to tell once the transaction committed. */
export interface FeedDelivery {
  activityId: string;
  viewerIds: string[];
}

const factsOf = (summary: WorkoutSummary): WorkoutFacts => ({
  id: summary.workoutId,
  userId: summary.userId,
  sport: summary.sport,
  title: summary.title ?? null,
  visibility: summary.visibility ?? 'FOLLOWERS',
  startedAt: new Date(summary.startedAt),
  distanceMeters: summary.distanceMeters,
  movingSeconds: summary.movingSeconds,
});

export type FeedService = ReturnType<typeof createFeedService>;

export function createFeedService(
  deps: Pick<SocialServiceDeps, 'repos' | 'fanOutMaxFollowers' | 'clock'> & {
    pubsub: PubSub;
    logger: Logger;
  },
) {
  const { repos, fanOutMaxFollowers, clock, pubsub, logger } = deps;
  const keyOf = (row: FeedRow) => timeKeyOf(row.occurredAt, row.activityId);

  // The athletes merged at read time are few and change rarely: read them once every MERGED_REFRESH_MS. One
  // who crosses the limit is no longer fanned out at once, so their newest workouts may miss their
  // followers' pages for that long.
  let merged: { ids: Promise<string[]>; readAt: number } | null = null;
  const mergedActors = (): Promise<string[]> => {
    const now = clock.now().getTime();
    if (!merged || now - merged.readAt > MERGED_REFRESH_MS) {
      const ids = repos.feed.mergedActors(fanOutMaxFollowers);
      ids.catch(() => (merged = null));
      merged = { ids, readAt: now };
    }
    return merged.ids;
  };

  return {
    /**
     * training.workout.completed / .updated (inside the consumer's transaction): the workout's facts and its
     * activity, fanned out when it is new or became visible to more, withdrawn when it became PRIVATE.
     */
    async workoutChanged(tx: SocialRepos, summary: WorkoutSummary): Promise<FeedDelivery | null> {
      if (summary.status !== 'FINISHED') return null;
      const facts = factsOf(summary);
      const before = await tx.workouts.record(facts);
      const activityId = activityIdOf(facts.id);
      if (facts.visibility === 'PRIVATE' && before && before.visibility !== 'PRIVATE')
        await tx.feed.withdraw(activityId);
      if (before && before.visibility === facts.visibility) return null;
      const actorOnly =
        facts.visibility === 'PRIVATE' ||
        (await tx.profiles.followerCount(facts.userId)) > fanOutMaxFollowers;
      return { activityId, viewerIds: await tx.feed.fanOut(activityId, { actorOnly }) };
    },
    /** Tells the live feeds an activity entered (after the commit); a failure is only logged. */
    async announce(delivery: FeedDelivery | null): Promise<void> {
      if (!delivery) return;
      const message: FeedMessage = { activityId: delivery.activityId };
      await Promise.all(
        delivery.viewerIds.map((viewerId) =>
          pubsub
            .publish(feedChannel(viewerId), message)
            .catch((err: unknown) => logger.warn({ err, viewerId }, 'telling a live feed failed')),
        ),
      );
    },
    /** A page of the viewer's feed, newest first; `first` 0 to 100. */
    async page(
      viewerId: string,
      first?: number | null,
      after?: string | null,
    ): Promise<Connection<FeedItem>> {
      const page = pageArgs(first, after, parseTimeKey);
      const rows = await repos.feed.page(viewerId, await mergedActors(), page.limit + 1, page.after);
      return toConnection(rows, page, keyOf);
    },
    /** A page of a club's feed (the caller checked the viewer may read it). */
    async clubPage(
      viewerId: string,
      clubId: string,
      first?: number | null,
      after?: string | null,
    ): Promise<Connection<FeedItem>> {
      const page = pageArgs(first, after, parseTimeKey);
      const rows = await repos.feed.clubPage(viewerId, clubId, page.limit + 1, page.after);
      return toConnection(rows, page, keyOf);
    },
    /** The viewer's live feed: each activity that enters it, if they may still see it when it is read. */
    subscribe: (viewerId: string): AsyncIterableIterator<FeedItem> =>
      mappedSubscription(pubsub.subscribe(feedChannel(viewerId)), (message) =>
        repos.feed.held(viewerId, (message as FeedMessage).activityId),
      ),
  };
}
