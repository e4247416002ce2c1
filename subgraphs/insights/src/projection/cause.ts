/**
 * What caused a recomputation: a consumed event, or an athlete's own change (a session RPE). Derived ids
 * come from its id; the events written carry its origin and time.
 */
import type { Viewer } from '../../../../lib/auth/viewer';
import type { EventEnvelope, EventOrigin } from '../../../../lib/events/envelope';

export interface Cause {
  id: string;
  at: Date;
  origin: EventOrigin;
}

export const causedByEvent = (event: EventEnvelope): Cause => ({
  id: event.id,
  at: new Date(event.occurredAt),
  origin: { actorId: event.actorId, causedBy: event },
});

export const causedByViewer = (viewer: Viewer, id: string, at: Date): Cause => ({
  id,
  at,
  origin: { actorId: viewer.userId },
});
