/**
 * The gateway's deduplication, as configured (GATEWAY_DEDUP, on by default): the Apollo Server plugin that
 * lets identical in-flight queries of one caller share an answer, and the subgraph fetcher that sends
 * identical in-flight subgraph queries once. Both count what they save in /metrics.
 */
import { Counter } from 'prom-client';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Fetcher } from '@apollo/utils.fetcher';
import type { Config } from '../../../lib/config/config';
import { metricsRegistry } from '../../../lib/metrics';
import type { GatewayContext } from '../gateway-context';
import { keepAliveFetcher } from '../subgraph-fetcher';
import { inflightDedupPlugin } from './inflight-dedup-plugin';
import { dedupingFetcher } from './subgraph-fetch-dedup';

const joinedQueries = new Counter({
  name: 'pulse_gateway_dedup_joined_queries_total',
  help: 'GraphQL queries answered by joining an identical query of the same caller already in flight',
  registers: [metricsRegistry],
});
const sharedFetches = new Counter({
  name: 'pulse_gateway_dedup_shared_subgraph_fetches_total',
  help: 'Subgraph queries not sent because an identical one was already in flight',
  registers: [metricsRegistry],
});

/** Requests share an answer only within one identity: the verified user and roles, or anonymous. */
export function dedupScopeOf(context: GatewayContext): string {
  return context.viewer ? `user:${context.viewer.userId}:${context.viewer.roles.join(',')}` : 'anonymous';
}

/** The Apollo Server plugin letting identical in-flight queries of one caller share an answer (if enabled). */
export function dedupPlugins(config: Pick<Config, 'dedup'>): ApolloServerPlugin<GatewayContext>[] {
  if (!config.dedup.enabled) return [];
  return [
    inflightDedupPlugin<GatewayContext>({ scopeOf: dedupScopeOf, onJoined: () => joinedQueries.inc() }),
  ];
}

/**
 * How a gateway process reaches its subgraphs: kept-alive connections, sending identical in-flight
 * queries once (if enabled). createSubgraphDataSources builds every data source on one of these.
 */
export function subgraphFetcherOf(config: Pick<Config, 'dedup'>): Fetcher {
  if (!config.dedup.enabled) return keepAliveFetcher;
  return dedupingFetcher({ onShared: () => sharedFetches.inc() });
}
