/** The event of a new recommendation (for notifications); its id derives from the recommendation's. */
import { createEvent, type EventEnvelope, type EventOrigin } from '../../../../lib/events/envelope';
import { derivedId } from '../derived-id';
import type { RecommendationRecord } from './recommendation.repo';

export const recommendationCreated = (r: RecommendationRecord, origin: EventOrigin): EventEnvelope =>
  createEvent(
    'insights.recommendation.created',
    r.userId,
    {
      recommendationId: r.id,
      userId: r.userId,
      date: r.date,
      kind: r.kind,
      message: r.message,
      modelName: r.modelName,
      modelVersion: r.modelVersion,
      rulesFired: r.rulesFired,
    },
    { ...origin, eventId: derivedId(r.id, 'created') },
    r.createdAt,
  );
