/** The cursor key of insights' connections, newest first: a calendar day and a row id. */
import { validate as isUuid } from 'uuid';
import { pageArgs, type Page } from '../../../lib/graphql/relay';

export type DayKey = [day: string, id: string];

const isDayKey = (raw: unknown): raw is DayKey =>
  Array.isArray(raw) &&
  raw.length === 2 &&
  typeof raw[0] === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(raw[0]) &&
  typeof raw[1] === 'string' &&
  isUuid(raw[1]);

/** `first` and `after` of a connection checked (BAD_USER_INPUT naming the argument otherwise). */
export const dayKeyPage = (
  first: number | null | undefined,
  after: string | null | undefined,
): Page<DayKey> => pageArgs(first, after, (raw) => (isDayKey(raw) ? raw : null));
