/** How the gateway calls a subgraph: the caller's token and the correlation id travel with every fetch. */
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { CLIENT_ADDRESS_HEADER } from '../../lib/server/client-address';
import { SUBGRAPH_SECRET_HEADER } from '../../lib/server/subgraph-secret';
import type { GatewayContext } from './gateway-context';
import { injectTraceContext, traceSubgraphFetch } from './observability/subgraph-fetch-span';
import { resilientFetcher, type SubgraphRequestPolicy } from './limits/resilient-fetcher';

export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly subgraphSecret: string | null;

  /**
   * With `requests`: a deadline on every fetch and retries for queries (gateway/src/limits/resilient-fetcher.ts).
   * With `subgraphSecret` (SUBGRAPH_SECRET): the gateway's credential on every fetch (lib/server/subgraph-secret.ts).
   */
  constructor(
    config: Partial<RemoteGraphQLDataSource<GatewayContext>> & {
      requests?: SubgraphRequestPolicy;
      subgraphSecret?: string | null;
    },
  ) {
    const { requests, subgraphSecret, ...dataSource } = config;
    super(dataSource);
    this.subgraphSecret = subgraphSecret ?? null;
    if (requests) this.fetcher = resilientFetcher(this.fetcher, requests);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (headers && this.subgraphSecret) headers.set(SUBGRAPH_SECRET_HEADER, this.subgraphSecret);
    if (!headers || !('correlationId' in context)) return; // health checks carry no request context
    if (context.accessToken) headers.set('authorization', `Bearer ${context.accessToken}`);
    headers.set('x-correlation-id', context.correlationId);
    if (context.clientAddress) headers.set(CLIENT_ADDRESS_HEADER, context.clientAddress);
    else headers.delete(CLIENT_ADDRESS_HEADER);
    injectTraceContext(headers);
  }

  /**
   * A subgraph refuses a request it cannot run (a variable its scalar rejects, …) with HTTP 400 and coded
   * GraphQL errors: the client gets that error as the subgraph wrote it (BAD_USER_INPUT and its message),
   * where @apollo/gateway would report an INTERNAL_SERVER_ERROR "400: Bad Request".
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const refusal = response.status === 400 ? clientErrorOf(await response.clone().text()) : null;
    return refusal ?? super.errorFromResponse(response);
  }

  // Each fetch is a span of the gateway request's trace; willSendRequest runs inside it.
  override process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    return traceSubgraphFetch(this.url, () => super.process(options));
  }
}

/** The first error of a GraphQL answer when it carries a code for the client, else null. */
function clientErrorOf(body: string): GraphQLError | null {
  try {
    const first = (JSON.parse(body) as { errors?: { message?: unknown; extensions?: unknown }[] })
      .errors?.[0];
    const extensions = first?.extensions as Record<string, unknown> | undefined;
    if (typeof first?.message !== 'string' || typeof extensions?.code !== 'string') return null;
    if (extensions.code === 'INTERNAL_SERVER_ERROR') return null;
    return new GraphQLError(first.message, { extensions });
  } catch {
    return null;
  }
}
