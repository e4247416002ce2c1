/** Events as their publishers would write them, for the consuming contexts' tests. */
import { v4 as uuidv4 } from 'uuid';
import { createEvent, type EventEnvelope } from '../events/envelope';
import type { EventData, EventType } from '../events/registry';

/** An event of `type` with a fresh id, occurring `at` (default now), caused by no one in particular. */
export const anEvent = <T extends EventType>(
  type: T,
  data: EventData<T>,
  at = new Date(),
): EventEnvelope<T> => createEvent(type, uuidv4(), data, { actorId: null }, at);
