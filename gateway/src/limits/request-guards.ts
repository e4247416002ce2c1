/**
 * Express middleware on /graphql, after the body is parsed and before Apollo Server: the batch cap, the
 * token limit (counted on the text, before anything parses it) and, when a safelist is set, the refusal
 * of any operation not on it. Refusals are HTTP 400 with a code.
 */
import type { RequestHandler, Response } from 'express';
import { limitExceeded } from '../../../lib/graphql/limits/limit-errors';
import { countTokens } from '../../../lib/graphql/limits/token-count';
import { PERSISTED_QUERY_NOT_ALLOWED } from './gateway-error-codes';
import { incomingOperations, operationIdOf } from './incoming-operations';
import type { Safelist } from './safelist';

const refuse = (res: Response, error: { message: string; extensions: Record<string, unknown> }) => {
  res.status(400).json({ errors: [error] });
};

export function batchAndTokenGuard(limits: { maxBatch: number; maxTokens: number }): RequestHandler {
  return (req, res, next) => {
    if (Array.isArray(req.body) && req.body.length > limits.maxBatch) {
      refuse(res, limitExceeded('batch', limits.maxBatch, req.body.length));
      return;
    }
    for (const operation of incomingOperations(req)) {
      if (typeof operation.query !== 'string') continue;
      const tokens = countTokens(operation.query, limits.maxTokens + 1);
      if (tokens > limits.maxTokens) {
        refuse(res, limitExceeded('tokens', limits.maxTokens, tokens));
        return;
      }
    }
    next();
  };
}

/**
 * Only operations named by an id on the list pass. A POSTed `documentId` becomes the APQ extension Apollo
 * Server understands (the list also serves as its persisted-query cache, so the text need not be sent).
 */
export function safelistGuard(list: Safelist): RequestHandler {
  return (req, res, next) => {
    for (const operation of incomingOperations(req)) {
      const id = operationIdOf(operation);
      if (!id) {
        refuse(res, {
          message:
            'This gateway runs only registered operations: send the id of one (extensions.persistedQuery.sha256Hash, or documentId) instead of free-form text.',
          extensions: { code: PERSISTED_QUERY_NOT_ALLOWED },
        });
        return;
      }
      if (!list.has(id)) {
        refuse(res, {
          message: `The operation ${id} is not on this gateway's list of allowed operations.`,
          extensions: { code: PERSISTED_QUERY_NOT_ALLOWED, id },
        });
        return;
      }
      if (typeof operation.documentId === 'string') {
        const extensions = typeof operation.extensions === 'object' ? operation.extensions : {};
        operation.extensions = { ...extensions, persistedQuery: { version: 1, sha256Hash: id } };
        delete operation.documentId;
      }
    }
    next();
  };
}
