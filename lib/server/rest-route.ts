/**
 * A plain HTTP endpoint of a subgraph that needs the caller: verifies the bearer token (the same access
 * token as GraphQL), runs the handler, and turns any error into the JSON error answer.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { TokenVerifier } from '../auth/jwt-verifier';
import { bearerToken, requireViewer, type Viewer } from '../auth/viewer';
import type { Logger } from '../logging/logger';
import { sendRestError } from './rest-errors';

export function authenticatedRoute(
  deps: { verifier: TokenVerifier; logger: Logger },
  handler: (viewer: Viewer, req: Request, res: Response) => Promise<void>,
): RequestHandler {
  return async (req, res) => {
    try {
      const token = bearerToken(req.headers.authorization);
      const viewer = requireViewer(token ? await deps.verifier.verify(token) : null);
      await handler(viewer, req, res);
    } catch (error) {
      sendRestError(res, error, deps.logger);
    }
  };
}
