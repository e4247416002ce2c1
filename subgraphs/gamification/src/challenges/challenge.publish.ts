/** The event a challenge member's completion emits (keyed by the athlete, like their other progress). */
import { createEvent, type EventEnvelope, type EventOrigin } from '../../../../lib/events/envelope';
import type { ChallengeRecord } from './challenge.repo';

export const challengeCompleted = (
  userId: string,
  challenge: Pick<ChallengeRecord, 'id' | 'title'>,
  completedAt: Date,
  origin: EventOrigin,
  now: Date,
): EventEnvelope<'gamification.challenge.completed'> =>
  createEvent(
    'gamification.challenge.completed',
    userId,
    { userId, challengeId: challenge.id, title: challenge.title, completedAt: completedAt.toISOString() },
    origin,
    now,
  );
