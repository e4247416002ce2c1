/**
 * The contexts' plain HTTP routes (uploads, telemetry batches, exports), served on the gateway's port as
 * the launcher passes them (scripts/start-gateway.ts, scripts/platform.ts, from the context descriptors):
 * each passes the same checks as /graphql (the access token, its rate limits, its body limit) and is then
 * proxied to its subgraph under the same path. An `anonymous` route (a link with its own credential) skips
 * the access token and its per-user limit.
 */
import type { Express, RequestHandler } from 'express';
import type { TokenVerifier } from '../../../lib/auth/jwt-verifier';
import type { GatewayHttpRoute } from '../../../lib/context/http-routes';
import type { Logger } from '../../../lib/logging/logger';
import { guardedRoute, requireAccessToken } from './route-guards';
import { routeProxy } from './route-proxy';

export function mountHttpRoutes(
  app: Express,
  options: {
    routes: readonly GatewayHttpRoute[];
    verifier: TokenVerifier;
    /** The rate limits of a route (gateway/src/limits/route-rate-limits.ts). */
    rateLimitsOf(route: GatewayHttpRoute): RequestHandler[];
    /** The URL of a subgraph in the supergraph served now (a reload may move it), or undefined. */
    subgraphUrlOf(name: string): string | undefined;
    logger: Logger;
  },
): void {
  const { verifier, logger } = options;
  const authenticate = requireAccessToken({ verifier, logger });
  const anyone: RequestHandler = (_req, _res, next) => next();
  for (const route of options.routes) {
    const startUrl = options.subgraphUrlOf(route.subgraph);
    if (!startUrl) {
      logger.warn(
        { path: route.path, subgraph: route.subgraph },
        'HTTP route off: its subgraph is not in the supergraph',
      );
      continue;
    }
    app.use(
      route.path,
      ...guardedRoute({
        authenticate: route.anonymous ? anyone : authenticate,
        rateLimits: options.rateLimitsOf(route),
        bodyLimitBytes: route.bodyLimitBytes,
      }),
      routeProxy({
        subgraph: route.subgraph,
        // A reload that drops the subgraph leaves the route where it was (the subgraph answers, or 502).
        originOf: () => new URL(options.subgraphUrlOf(route.subgraph) ?? startUrl).origin,
        bodyLimitBytes: route.bodyLimitBytes,
        logger,
      }),
    );
  }
}
