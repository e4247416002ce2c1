/**
 * Ids derived from what caused a row (the event id and what the row is), so that rebuilding the projections
 * from the same events writes the same ids, and the events published again carry the ids they had: their
 * consumers' inboxes recognise them.
 */
import { v5 as uuidv5 } from 'uuid';

/** The namespace of insights' derived ids (a random UUID fixed once). */
const INSIGHTS_NAMESPACE = '6b0f4d1e-5a0c-4f51-9d7e-0c3f1c9b2a47';

export const derivedId = (...parts: readonly (string | number)[]): string =>
  uuidv5(parts.join(':'), INSIGHTS_NAMESPACE);
