/**
 * Everything that protects the gateway's /graphql, assembled from the configuration: admission (load
 * shedding), query limits, rate limits, CORS, persisted operations (APQ, or a safelist). gateway-server.ts
 * wires the parts in; the shared error formatter hides field suggestions when introspection is off.
 */
import { isAbsolute, join } from 'node:path';
import type { ApolloServerPlugin, PersistedQueryOptions } from '@apollo/server';
import type { Request, RequestHandler } from 'express';
import type { TokenVerifier } from '../../../lib/auth/jwt-verifier';
import { bearerToken } from '../../../lib/auth/viewer';
import type { Config } from '../../../lib/config/config';
import type { Logger } from '../../../lib/logging/logger';
import { repoRoot } from '../../../lib/paths';
import { queryLimitsPlugin } from '../../../lib/graphql/limits/query-limits-plugin';
import { createRateLimiterStore } from '../../../lib/rate-limit/create-rate-limiter-store';
import type { RateLimitPolicy, RateLimiterStore } from '../../../lib/rate-limit/rate-limiter';
import { observeAdmission } from '../observability/gateway-metrics';
import { createAdmissionGate } from './admission-gate';
import { admissionMiddleware } from './admission-middleware';
import { createApqCache } from './apq-cache';
import { apqHashGuard } from './apq-hash-guard';
import { routeRateLimiter } from './route-rate-limits';
import { createCorsMiddleware } from './cors';
import { withGatewayErrorCodes } from './gateway-error-codes';
import {
  createRateLimitMiddleware,
  keySpaceRateLimiter,
  rateLimitKeys,
} from '../../../lib/rate-limit/rate-limit-middleware';
import { batchAndTokenGuard, safelistGuard } from './request-guards';
import { loadSafelist, safelistCache } from './safelist';

export interface GatewayProtectionOptions {
  config: Config;
  verifier: TokenVerifier;
  logger: Logger;
}

export interface GatewayProtection {
  plugins: ApolloServerPlugin<object>[];
  persistedQueries: PersistedQueryOptions;
  /** The gateway's own error codes pass through the shared formatter. */
  formatError: typeof withGatewayErrorCodes;
  /** On every route of the gateway's port. */
  cors: RequestHandler;
  /**
   * First on every route that does work (/graphql, the partner API, the contexts' HTTP routes): at most
   * GATEWAY_MAX_CONCURRENT requests in hand, the others wait or are refused (null: GATEWAY_MAX_CONCURRENT=off).
   */
  admission: RequestHandler | null;
  /** On /graphql, after the JSON body parser: every request pays, deduplicated or not. */
  graphqlRateLimit: RequestHandler;
  /** On /graphql, after the rate limit and before Apollo Server. */
  graphqlGuards: RequestHandler[];
  /** On an HTTP route of the gateway's port (`/imports`, …), after its token check: its rate limits. */
  routeRateLimits(route: { path: string; rateLimit?: string }): RequestHandler[];
  close(): Promise<void>;
}

/** Who pays for a request on /graphql: the verified user, else the caller's address. */
export function graphqlRateLimitKey(verifier: TokenVerifier) {
  return async (req: Request): Promise<string> => {
    try {
      const token = bearerToken(req.headers.authorization);
      if (token) return rateLimitKeys.user((await verifier.verify(token)).userId);
    } catch {
      // A bad token is refused by Apollo Server's context (401); meanwhile the address pays.
    }
    return rateLimitKeys.ip(req.ip ?? req.socket.remoteAddress ?? 'unknown');
  };
}

export function createGatewayProtection({
  config,
  verifier,
  logger,
}: GatewayProtectionOptions): GatewayProtection {
  const { limits, rateLimits, cors, persistedOperations } = config.protection;
  const safelistPath = persistedOperations.safelistPath;
  const safelist = safelistPath
    ? loadSafelist(isAbsolute(safelistPath) ? safelistPath : join(repoRoot, safelistPath))
    : null;

  const store: RateLimiterStore = createRateLimiterStore(config.redis.url, logger);
  const limiterOf = (name: string, policy: RateLimitPolicy | null) =>
    policy ? store.limiter(name, policy) : null;
  const limiter = keySpaceRateLimiter({
    user: limiterOf('gateway-user', rateLimits.user),
    ip: limiterOf('gateway-ip', rateLimits.ip),
    apikey: limiterOf('gateway-apikey', rateLimits.apiKey),
  });
  const rateLimit = createRateLimitMiddleware({
    limiter,
    keyOf: graphqlRateLimitKey(verifier),
    // A batch spends one point per operation (a batch over the cap is refused next, having spent the cap).
    costOf: (req) => (Array.isArray(req.body) ? Math.min(Math.max(req.body.length, 1), limits.maxBatch) : 1),
    logger,
  });
  const admissionLimits = config.protection.admission;
  const gate = admissionLimits ? createAdmissionGate(admissionLimits) : null;
  const unobserve = gate ? observeAdmission(gate) : () => undefined;

  return {
    plugins: [queryLimitsPlugin(limits)],
    persistedQueries: {
      cache: safelist ? safelistCache(safelist) : createApqCache(persistedOperations.apqCacheBytes),
    },
    formatError: withGatewayErrorCodes,
    cors: createCorsMiddleware(cors),
    admission:
      gate && admissionLimits ? admissionMiddleware({ gate, limits: admissionLimits, logger }) : null,
    routeRateLimits: routeRateLimiter({
      store,
      limits: config.protection.routeRateLimits,
      general: { user: rateLimits.user, ip: rateLimits.ip },
      logger,
    }),
    graphqlRateLimit: rateLimit,
    graphqlGuards: [
      batchAndTokenGuard(limits),
      apqHashGuard(),
      ...(safelist ? [safelistGuard(safelist)] : []),
    ],
    close: () => {
      unobserve();
      return store.close();
    },
  };
}
