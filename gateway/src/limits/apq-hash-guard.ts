/**
 * An automatic persisted query registered with a hash that is not the SHA-256 of its text: Apollo Server
 * answers it with an error that carries no code (so it would reach the client as INTERNAL_SERVER_ERROR).
 * Refused here first, as the client's mistake: HTTP 400, BAD_REQUEST.
 */
import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { incomingOperations } from './incoming-operations';

function persistedHashOf(extensions: unknown): unknown {
  const persisted = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | null)?.persistedQuery;
  return persisted?.sha256Hash;
}

export function apqHashGuard(): RequestHandler {
  return (req, res, next) => {
    for (const operation of incomingOperations(req)) {
      const hash = persistedHashOf(operation.extensions);
      if (typeof operation.query !== 'string' || hash === undefined) continue;
      if (hash !== createHash('sha256').update(operation.query).digest('hex')) {
        res.status(400).json({
          errors: [
            {
              message:
                'persistedQuery.sha256Hash is not the SHA-256 of the query: send the hex SHA-256 of the exact query text.',
              extensions: { code: 'BAD_REQUEST' },
            },
          ],
        });
        return;
      }
    }
    next();
  };
}
