/**
 * The events social handles: identity's tell who athletes are (display name, time zone) and when one leaves;
 * training's finished workouts become feed activities, fanned out, then told to live feeds after the commit.
 * Each event is applied once (`consumeOnce`, with its effects).
 */
import type { ConsumeOnce } from '../../../lib/db/unit-of-work';
import type { EventHandlers } from '../../../lib/events/event-consumer';
import type { WorkoutSummary } from '../../../lib/events/contracts/training';
import { canonicalTimeZone } from '../../../lib/time-zone';
import type { ClubService } from './clubs/club.service';
import type { FeedDelivery, FeedService } from './feed/feed.service';
import { forgetUser } from './forget-user';
import type { MediaService } from './media/media.service';
import type { SocialRepos } from './social.repos';

/** The consumer name under which social records the events it processed. */
export const SOCIAL_CONSUMER = 'social';

export interface SocialConsumerDeps {
  consumeOnce: ConsumeOnce<SocialRepos>;
  feed: Pick<FeedService, 'workoutChanged' | 'announce'>;
  media: Pick<MediaService, 'forgetWorkout' | 'forgetUser'>;
  clubs: Pick<ClubService, 'forget'>;
  /** Wakes the outbox relay after a transaction that wrote events. */
  notify(): void;
}

export function socialConsumers({
  consumeOnce,
  feed,
  media,
  clubs,
  notify,
}: SocialConsumerDeps): EventHandlers {
  const zone = (name: string | undefined) => canonicalTimeZone(name ?? 'UTC') ?? 'UTC';
  const named = (data: { userId: string; displayName: string; timeZone?: string }) => (repos: SocialRepos) =>
    repos.profiles.named(data.userId, data.displayName, zone(data.timeZone));

  const workoutChanged = async (event: { id: string; data: WorkoutSummary }) => {
    let delivery: FeedDelivery | null = null;
    await consumeOnce(event.id, async (repos) => {
      delivery = await feed.workoutChanged(repos, event.data);
    });
    await feed.announce(delivery);
  };

  return {
    'identity.user.registered': async (event) => void (await consumeOnce(event.id, named(event.data))),
    'identity.user.updated': async (event) => void (await consumeOnce(event.id, named(event.data))),
    'identity.user.deleted': async (event) => {
      // Objects first: erasing them again on a redelivery is harmless, rows that point at gone ones are not.
      await media.forgetUser(event.data.userId);
      await consumeOnce(event.id, async (repos) => {
        await repos.outbox.write(await forgetUser(repos, event.data.userId, clubs));
      });
      notify();
    },
    'training.workout.completed': workoutChanged,
    'training.workout.updated': workoutChanged,
    'training.workout.deleted': async (event) => {
      await media.forgetWorkout(event.data.userId, event.data.workoutId);
      await consumeOnce(event.id, (repos) => repos.workouts.remove(event.data.workoutId));
    },
  };
}
