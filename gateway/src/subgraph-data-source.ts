/** How the gateway calls a subgraph: the caller's token and the correlation id travel with every fetch. */
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayContext } from './gateway-context';
import { injectTraceContext, traceSubgraphFetch } from './observability/subgraph-fetch-span';
import { resilientFetcher, type SubgraphRequestPolicy } from './limits/resilient-fetcher';

export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** With `requests`: a deadline on every fetch and retries for queries (gateway/src/limits/resilient-fetcher.ts). */
  constructor(
    config: Partial<RemoteGraphQLDataSource<GatewayContext>> & { requests?: SubgraphRequestPolicy },
  ) {
    const { requests, ...dataSource } = config;
    super(dataSource);
    if (requests) this.fetcher = resilientFetcher(this.fetcher, requests);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers || !('correlationId' in context)) return; // health checks carry no request context
    if (context.accessToken) headers.set('authorization', `Bearer ${context.accessToken}`);
    headers.set('x-correlation-id', context.correlationId);
    injectTraceContext(headers);
  }

  // Each fetch is a span of the gateway request's trace; willSendRequest runs inside it.
  override process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    return traceSubgraphFetch(this.url, () => super.process(options));
  }
}
