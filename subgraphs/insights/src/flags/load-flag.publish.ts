/** The events of a load flag's life; their ids derive from the flag's, so a rebuild republishes the same ids. */
import type { EventEnvelope, EventOrigin } from '../../../../lib/events/envelope';
import { createEvent } from '../../../../lib/events/envelope';
import { derivedId } from '../derived-id';
import type { LoadFlagRecord } from './load-flag.repo';

const figures = (flag: LoadFlagRecord) => ({
  flagId: flag.id,
  userId: flag.userId,
  raisedOn: flag.raisedOn,
  method: flag.method,
  modelVersion: flag.modelVersion,
  ratio: flag.ratio,
  acuteLoad: flag.acute,
  chronicLoad: flag.chronic,
});

export const flagRaised = (flag: LoadFlagRecord, origin: EventOrigin, at: Date): EventEnvelope =>
  createEvent(
    'insights.load-flag.raised',
    flag.userId,
    figures(flag),
    { ...origin, eventId: derivedId(flag.id, 'raised') },
    at,
  );

export const flagCleared = (
  flag: LoadFlagRecord,
  clearedOn: string,
  origin: EventOrigin,
  at: Date,
): EventEnvelope =>
  createEvent(
    'insights.load-flag.cleared',
    flag.userId,
    { ...figures(flag), clearedOn },
    { ...origin, eventId: derivedId(flag.id, 'cleared') },
    at,
  );
