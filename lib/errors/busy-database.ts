/**
 * Prisma's P2028 for an interactive transaction that could not start within its wait or ran past its timeout:
 * either way it was rolled back, so the request changed nothing and sending it again is safe. A busy database,
 * not a fault of Pulse's (its other P2028s, e.g. a transaction used after its commit, are), so clients hear
 * SERVICE_UNAVAILABLE — on GraphQL (format-error.ts) and on the plain HTTP endpoints (lib/server/rest-errors.ts).
 * Mapped where an error becomes a client's answer, not in the unit of work: a background job (an import) must
 * see the database's failure as one and retry, not fail for good on a DomainError.
 */
import type { Logger } from '../logging/logger';
import { ServiceUnavailableError } from './domain-error';

const TIMED_OUT = /Unable to start a transaction in the given time|expired transaction/;

/** The SERVICE_UNAVAILABLE answer for a transaction the database could not take in time; undefined otherwise. */
export function busyDatabaseError(error: unknown): ServiceUnavailableError | undefined {
  if (!(error instanceof Error) || (error as { code?: unknown }).code !== 'P2028') return undefined;
  if (!TIMED_OUT.test(error.message)) return undefined;
  return new ServiceUnavailableError(
    'Pulse is too busy to save this now: nothing of it was written. Send it again in a moment (retryAfterSeconds).',
    1,
  );
}

/** What a client is answered for `thrown`: its SERVICE_UNAVAILABLE (logged as a warning) or `thrown` itself. */
export function busyDatabaseAnswered(thrown: unknown, logger: Logger): unknown {
  const busy = busyDatabaseError(thrown);
  if (busy) logger.warn({ err: thrown }, 'a transaction could not start or finish in time');
  return busy ?? thrown;
}
