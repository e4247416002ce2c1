/**
 * The gateway's deduplication, as configured (GATEWAY_DEDUP: `true` by default, `subgraph` for the second
 * only, `false`): identical in-flight requests of one caller share the first one's answer (decided before
 * Apollo Server's pipeline), and identical in-flight subgraph queries are sent once. Both count what they save in /metrics; a request answered
 * with another's answer is also counted, timed and traced as the request it is.
 */
import { trace } from '@opentelemetry/api';
import { Counter } from 'prom-client';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Fetcher } from '@apollo/utils.fetcher';
import type { RequestHandler } from 'express';
import { authenticateRequest } from '../../../lib/auth/authenticate-request';
import type { TokenVerifier } from '../../../lib/auth/jwt-verifier';
import type { Config } from '../../../lib/config/config';
import { metricsRegistry } from '../../../lib/metrics';
import { markSpanFailed, nameOperationOnSpan } from '../../../lib/tracing/graphql-span-plugin';
import type { GatewayContext } from '../gateway-context';
import { countErrors, countRequest } from '../observability/gateway-metrics-plugin';
import { keepAliveFetcher } from '../subgraph-fetcher';
import { inflightRequestDedup, type SharedAnswer } from './inflight-request-dedup';
import { dedupLeaderPlugin } from './leader-ticket';
import { dedupingFetcher } from './subgraph-fetch-dedup';

const joinedQueries = new Counter({
  name: 'pulse_gateway_dedup_joined_queries_total',
  help: 'GraphQL requests that waited for an identical request of the same caller in flight instead of executing (when its answer could not be shared, they executed after it)',
  registers: [metricsRegistry],
});

const sharedFetches = new Counter({
  name: 'pulse_gateway_dedup_shared_subgraph_fetches_total',
  help: 'Subgraph queries not sent because an identical one was already in flight',
  registers: [metricsRegistry],
});

/** A follower is counted and traced with the leader's operation, outcome and error codes. */
function recordFollower({ ticket }: SharedAnswer, { startedAt }: { startedAt: bigint }): void {
  countErrors(ticket.errorCodes);
  countRequest(ticket.operationType, ticket.outcome, startedAt);
  const span = trace.getActiveSpan();
  if (!span?.isRecording()) return;
  nameOperationOnSpan(span, ticket.operationType, ticket.operationName);
  if (ticket.errorCodes.length > 0) markSpanFailed(span, ticket.errorCodes);
}

export interface InboundDedup {
  /** On /graphql after the rate limiter (the body parser keeping the raw body), before the guards. */
  middleware: RequestHandler[];
  /** Fills in what the followers of a leader need to know (see leader-ticket.ts). */
  plugins: ApolloServerPlugin<GatewayContext>[];
}

/**
 * Inbound deduplication (if enabled). Requests share an answer only within one identity: the verified user
 * and roles, or anonymous; the verification is kept for the context function (`res.locals.authentication`).
 */
export function inboundDedup(config: Pick<Config, 'dedup'>, verifier: TokenVerifier): InboundDedup {
  if (!config.dedup.requests) return { middleware: [], plugins: [] };
  const dedup = inflightRequestDedup({
    scopeOf: async (req, res) => {
      try {
        const authentication = await authenticateRequest(verifier, req.headers.authorization);
        res.locals.authentication = authentication;
        const { viewer } = authentication;
        return viewer ? `user:${viewer.userId}:${viewer.roles.join(',')}` : 'anonymous';
      } catch {
        return null; // refused by its own pipeline (401)
      }
    },
    onJoined: () => joinedQueries.inc(),
    onShared: recordFollower,
  });
  return { middleware: [dedup], plugins: [dedupLeaderPlugin<GatewayContext>()] };
}

/**
 * How a gateway process reaches its subgraphs: kept-alive connections, sending identical in-flight
 * queries once (if enabled). createSubgraphDataSources builds every data source on one of these.
 */
export function subgraphFetcherOf(config: Pick<Config, 'dedup'>): Fetcher {
  if (!config.dedup.subgraphFetches) return keepAliveFetcher;
  return dedupingFetcher({ onShared: () => sharedFetches.inc() });
}
