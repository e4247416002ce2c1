/**
 * The events insights handles: training's workout events feed the athlete's loads, form, flags, summaries
 * and advice; the training profile gives the birth year (cohort age groups); identity gives the time zone
 * and the deletion that erases the athlete; inventory's wear thresholds feed the gear rule. Each event is
 * applied once (`consumeOnce` records its id with its effects, in one unit of work).
 */
import type { ConsumeOnce } from '../../../lib/db/unit-of-work';
import type { EventEnvelope } from '../../../lib/events/envelope';
import type { EventHandlers } from '../../../lib/events/event-consumer';
import { canonicalTimeZone } from '../../../lib/time-zone';
import type { InsightsRepos } from './insights.repos';
import { causedByEvent } from './projection/cause';
import { changeTimeZone, eraseAthlete, forgetWorkout, projectWorkout } from './projection/athlete-projection';

/** The consumer name under which insights records the events it processed. */
export const INSIGHTS_CONSUMER = 'insights';

export interface InsightsConsumerDeps {
  consumeOnce: ConsumeOnce<InsightsRepos>;
  /** Called after each applied event (wakes the outbox relay for the flags and advice it may have written). */
  notify: () => void;
}

export function insightsConsumers({ consumeOnce, notify }: InsightsConsumerDeps): EventHandlers {
  const once = async (event: EventEnvelope, work: (repos: InsightsRepos) => Promise<void>) => {
    if ((await consumeOnce(event.id, work)) === 'applied') notify();
  };
  // An unknown zone (a newer time-zone database elsewhere) counts as UTC rather than stopping the consumer.
  const zone = (name: string | undefined) => canonicalTimeZone(name ?? 'UTC') ?? 'UTC';
  const ofSummary = (event: EventEnvelope<'training.workout.completed' | 'training.workout.updated'>) =>
    once(event, (repos) => projectWorkout(repos, event.data, causedByEvent(event)));

  return {
    'training.workout.completed': ofSummary,
    'training.workout.updated': ofSummary,
    'training.workout.deleted': (event) =>
      once(event, (repos) => forgetWorkout(repos, event.data.workoutId, causedByEvent(event))),
    'training.profile.updated': (event) =>
      once(
        event,
        async (repos) =>
          void (await repos.athletes.update(event.data.userId, { birthYear: event.data.birthYear })),
      ),
    'identity.user.registered': (event) =>
      once(event, (repos) =>
        changeTimeZone(repos, event.data.userId, zone(event.data.timeZone), causedByEvent(event)),
      ),
    'identity.user.updated': (event) =>
      once(event, (repos) =>
        changeTimeZone(repos, event.data.userId, zone(event.data.timeZone), causedByEvent(event)),
      ),
    'identity.user.deleted': (event) => once(event, (repos) => eraseAthlete(repos, event.data.userId)),
    'inventory.gear.wear-threshold-reached': (event) =>
      once(event, async (repos) => {
        const { userId, gearId, gearName, thresholdPercent } = event.data;
        await repos.gearWear.crossed(userId, { gearId, gearName, percent: thresholdPercent });
      }),
    'inventory.gear.changed': (event) =>
      once(event, async (repos) => {
        if (event.data.status === 'RETIRED') await repos.gearWear.forget(event.data.gearId);
      }),
  };
}
