/** The JSON error answer of Pulse's few plain HTTP endpoints, with the same codes as GraphQL errors. */
import type { Response } from 'express';
import { busyDatabaseAnswered } from '../errors/busy-database';
import { DomainError, type ErrorCode } from '../errors/domain-error';
import type { Logger } from '../logging/logger';

const STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
};

export function sendRestError(res: Response, thrown: unknown, logger: Logger): void {
  const error = busyDatabaseAnswered(thrown, logger);
  if (error instanceof DomainError) {
    const retryAfter = error.details.retryAfterSeconds;
    if (typeof retryAfter === 'number') res.setHeader('retry-after', String(retryAfter));
    res
      .status(STATUS[error.code])
      .json({ errors: [{ message: error.message, extensions: { ...error.details, code: error.code } }] });
    return;
  }
  logger.error({ err: error }, 'unexpected error in an HTTP endpoint');
  res
    .status(500)
    .json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
}
