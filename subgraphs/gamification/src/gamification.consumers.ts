/**
 * The events gamification handles: training's workout events credit, correct or reverse XP and move the
 * leaderboards; identity's account events give the athlete's time zone (the account's: days, weeks and
 * streaks count in it) and its deletion erases the athlete; social's follow, block and club events give the
 * circles of friends and club boards (circles/circle-events.ts). Each event is applied once (`consumeOnce`
 * records its id with its effects, in one unit of work); the leaderboards move after the commit.
 */
import type { ConsumeOnce } from '../../../lib/db/unit-of-work';
import type { EventEnvelope } from '../../../lib/events/envelope';
import type { EventHandlers } from '../../../lib/events/event-consumer';
import { eraseAthlete } from './athletes/athlete-erasure';
import { applyTimeZone } from './athletes/athlete-progress';
import { applyCircleEvent, type CircleEvent } from './circles/circle-events';
import type { GamificationRepos } from './gamification.repos';
import type { ScoreChange } from './leaderboards/leaderboard-store';
import type { LeaderboardUpdater } from './leaderboards/leaderboard-updates';
import type { WorkoutCreditService, WorkoutState } from './ledger/workout-credit.service';

/** The consumer name under which gamification records the events it processed. */
export const GAMIFICATION_CONSUMER = 'gamification';

export interface GamificationConsumerDeps {
  consumeOnce: ConsumeOnce<GamificationRepos>;
  credits: WorkoutCreditService;
  leaderboards: Pick<LeaderboardUpdater, 'apply'>;
  /** Called after a commit that wrote outbox rows (wakes the outbox relay). */
  notify: () => void;
}

/** Builds the handlers (served by the subgraph, re-driven by the replay). */
export function gamificationConsumers(deps: GamificationConsumerDeps): EventHandlers {
  const { consumeOnce, credits, leaderboards, notify } = deps;

  async function apply(event: EventEnvelope, state: WorkoutState): Promise<void> {
    let changes: ScoreChange[] = [];
    let written = 0;
    await consumeOnce(event.id, async (repos) => {
      const outcome = await credits.apply(repos, state, {
        eventId: event.id,
        origin: { actorId: event.actorId, causedBy: event },
      });
      changes = outcome.scoreChanges;
      written = outcome.events;
    });
    if (written > 0) notify();
    await leaderboards.apply(changes);
  }

  async function timeZoneOf(event: EventEnvelope, userId: string, timeZone: string): Promise<void> {
    let written = 0;
    await consumeOnce(event.id, async (repos) => {
      const origin = { actorId: event.actorId, causedBy: event };
      written = await applyTimeZone(repos, userId, timeZone, origin, new Date(event.occurredAt));
    });
    if (written > 0) notify();
  }

  const circle =
    <T extends CircleEvent>(type: T) =>
    async (event: EventEnvelope<T>): Promise<void> => {
      await consumeOnce(event.id, (repos) => applyCircleEvent[type](repos.circles, event));
    };

  const ofSummary = (event: EventEnvelope<'training.workout.completed' | 'training.workout.updated'>) =>
    apply(event, { kind: 'summary', summary: event.data });

  return {
    'training.workout.completed': ofSummary,
    'training.workout.updated': ofSummary,
    'training.workout.deleted': (event) =>
      apply(event, {
        kind: 'deleted',
        workoutId: event.data.workoutId,
        userId: event.data.userId,
        deletedAt: new Date(event.data.deletedAt),
      }),
    // Accounts registered before identity owned the time zone announce none: they keep what they have.
    'identity.user.registered': (event) =>
      event.data.timeZone ? timeZoneOf(event, event.data.userId, event.data.timeZone) : Promise.resolve(),
    'identity.user.updated': (event) => timeZoneOf(event, event.data.userId, event.data.timeZone),
    'identity.user.deleted': async (event) => {
      let changes: ScoreChange[] = [];
      await consumeOnce(event.id, async (repos) => {
        changes = await eraseAthlete(repos, event.data.userId);
      });
      await leaderboards.apply(changes);
    },
    'social.follow.accepted': circle('social.follow.accepted'),
    'social.follow.removed': circle('social.follow.removed'),
    'social.user.blocked': circle('social.user.blocked'),
    'social.user.unblocked': circle('social.user.unblocked'),
    'social.club.joined': circle('social.club.joined'),
    'social.club.left': circle('social.club.left'),
  };
}
