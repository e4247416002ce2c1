/** The keyset cursor of lists ordered by an instant: the instant and the row's id (which breaks ties). */
import { validate as isUuid } from 'uuid';

export interface TimeKey {
  at: string;
  id: string;
}

export const timeKeyOf = (at: Date, id: string): TimeKey => ({ at: at.toISOString(), id });

/** The cursor's key, or null for anything this module did not encode. */
export function parseTimeKey(raw: unknown): TimeKey | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { at, id } = raw as Record<string, unknown>;
  if (typeof at !== 'string' || typeof id !== 'string' || !isUuid(id) || Number.isNaN(Date.parse(at)))
    return null;
  return { at, id };
}
