/**
 * What protects a subgraph's /graphql, from the configuration the gateway reads too: the gateway's query
 * limits (lib/graphql/limits), `_service` and `_entities` for the gateway only (./subgraph-secret.ts),
 * introspection and field suggestions off unless the sandbox is on (production, unless SANDBOX=true).
 * The gateway's own fetches present the secret and are not measured: they are slices of client
 * operations the gateway measured already, and entity fetches carry whole lists of representations.
 */
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import type { Request, RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import { createRateLimiterStore } from '../rate-limit/create-rate-limiter-store';
import { createRateLimitMiddleware, rateLimitKeys } from '../rate-limit/rate-limit-middleware';
import type { RequestContext } from '../graphql/context';
import { federationAccessError } from '../graphql/federation-fields';
import { checkQueryLimits, queryLimitsPlugin } from '../graphql/limits/query-limits-plugin';
import { tokenLimitError } from '../graphql/limits/token-count';
import type { WebSocketProtection } from './graphql-ws';
import { presentsSubgraphSecret, SUBGRAPH_SECRET_HEADER } from './subgraph-secret';
import { tokenLimitGuard } from './token-limit-guard';

export interface SubgraphProtection {
  introspection: boolean;
  hideSuggestions: boolean;
  plugins: ApolloServerPlugin<RequestContext>[];
  /** On /graphql, after the JSON body parser and before Apollo Server. */
  httpGuards: RequestHandler[];
  /** Whether an HTTP request comes from the gateway (it presents the subgraph secret). */
  fromGateway(req: Request): boolean;
  /** On every route of the port: a caller other than the gateway pays per address (SUBGRAPH_RATE_LIMIT_IP). */
  directCallers: RequestHandler;
  close(): Promise<void>;
  webSockets: WebSocketProtection;
}

/** The protection of one subgraph's HTTP and graphql-ws endpoints, as `config` sets it. */
export function createSubgraphProtection(config: Config, logger: Logger): SubgraphProtection {
  const { limits, subgraphSecret: secret } = config.protection;
  const sandbox = config.gateway.sandbox;
  // Without a secret (services mode outside production) federation fields stay open to every caller.
  const accessError: typeof federationAccessError = (document, operation) =>
    secret ? federationAccessError(document, operation) : null;
  const fromGateway = (req: Request) => presentsSubgraphSecret(secret, req.headers[SUBGRAPH_SECRET_HEADER]);
  // The gateway has its own limits per user and address; anyone else reaching this port pays here.
  const policy = config.protection.subgraphRateLimit;
  const store = policy ? createRateLimiterStore(config.redis.url, logger) : null;
  const directLimit =
    store &&
    policy &&
    createRateLimitMiddleware({
      limiter: store.limiter('subgraph-ip', policy),
      keyOf: (req) => rateLimitKeys.ip(req.ip ?? req.socket.remoteAddress ?? 'unknown'),
      logger,
    });
  const internal = (request: GraphQLRequestContext<RequestContext>) =>
    presentsSubgraphSecret(secret, request.request.http?.headers.get(SUBGRAPH_SECRET_HEADER));

  const federationAccess: ApolloServerPlugin<RequestContext> = {
    async requestDidStart(request) {
      if (internal(request)) return;
      return {
        async didResolveOperation({ document, operation }) {
          const refused = operation && accessError(document, operation);
          if (refused) throw refused;
        },
      };
    },
  };

  return {
    introspection: sandbox,
    hideSuggestions: !sandbox,
    plugins: [federationAccess, queryLimitsPlugin(limits, internal)],
    httpGuards: [tokenLimitGuard(limits.maxTokens, fromGateway)],
    fromGateway,
    directCallers: (req, res, next) =>
      fromGateway(req) || !directLimit ? next() : directLimit(req, res, next),
    close: async () => store?.close(),
    webSockets: {
      isInternal: (params) => presentsSubgraphSecret(secret, params?.[SUBGRAPH_SECRET_HEADER]),
      refuseText: (query) => tokenLimitError(query, limits.maxTokens),
      refuseOperation: (operation) => {
        const refused = accessError(operation.document, operation.operation);
        if (refused) return refused;
        try {
          checkQueryLimits(limits, operation);
          return null;
        } catch (error) {
          if (error instanceof GraphQLError) return error;
          throw error;
        }
      },
      hideSuggestions: !sandbox,
    },
  };
}
