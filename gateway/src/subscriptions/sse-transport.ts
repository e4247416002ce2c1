/**
 * GraphQL over Server-Sent Events (graphql-sse, "distinct connections" mode) on the gateway's `/graphql`:
 * a GET or POST that accepts `text/event-stream` is one subscription, streamed as `next` events and a
 * final `complete`. Other requests go on to Apollo Server. The access token is the usual
 * `Authorization: Bearer` header (a bad one: 401 UNAUTHENTICATED).
 */
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { GraphQLError } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/express';
import { authenticateRequest } from '../../../lib/auth/authenticate-request';
import type { TokenVerifier } from '../../../lib/auth/jwt-verifier';
import type { Logger } from '../../../lib/logging/logger';
import { correlationIdOf } from '../../../lib/server/http-app';
import type { SubscriptionHub } from './subscription-hub';
import type { SubscriptionPlanner } from './subscription-planner';

const EVENT_STREAM = 'text/event-stream';

/** Whether the request asks for an event stream (graphql-sse's own check wants the exact header). */
export function acceptsEventStream(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((part) => part.split(';')[0]?.trim().toLowerCase() === EVENT_STREAM);
}

export function createSseSubscriptions(options: {
  planner: () => SubscriptionPlanner;
  hub: SubscriptionHub;
  verifier: TokenVerifier;
  logger: Logger;
}): RequestHandler {
  const { hub, verifier, logger } = options;
  const parseJson = express.json({ limit: '1mb' });
  const handler = createHandler({
    onSubscribe: async (req, params) => {
      const raw = req.raw as Request;
      let caller;
      try {
        const { viewer, accessToken } = await authenticateRequest(verifier, raw.headers.authorization);
        caller = { viewer, accessToken, correlationId: correlationIdOf(raw.headers['x-correlation-id']) };
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        const body = { errors: [{ message: error.message, extensions: { code: error.extensions.code } }] };
        const headers = { 'content-type': 'application/json; charset=utf-8' };
        return [JSON.stringify(body), { status: 401, statusText: 'Unauthorized', headers }];
      }
      const prepared = options.planner().prepare(params, caller.viewer);
      // Refusals are streamed as one result with the errors, as graphql-sse does for invalid operations.
      if (!('plan' in prepared)) return { errors: prepared };
      return hub.subscribe(prepared, caller);
    },
  });

  return (req: Request, res: Response, next: NextFunction) => {
    if (!acceptsEventStream(req.headers.accept)) return next();
    req.headers.accept = EVENT_STREAM;
    parseJson(req, res, (error?: unknown) => {
      if (error) return next(error);
      handler(req, res).catch((failure: unknown) => {
        logger.error({ err: failure }, 'could not serve a subscription over SSE');
        if (!res.headersSent) {
          res.status(500).json({
            errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
          });
        } else {
          res.end();
        }
      });
    });
  };
}
