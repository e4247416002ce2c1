/**
 * How the gateway calls a subgraph, for every caller of it (the main gateway, the partner API and the
 * subscription executor): one factory, so that each fetch has the same deadline, query-only retries,
 * kept-alive connections, outbound deduplication, tracing span and credentials, wherever it is planned.
 */
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import type { Config } from '../../lib/config/config';
import { CLIENT_ADDRESS_HEADER } from '../../lib/server/client-address';
import { SUBGRAPH_SECRET_HEADER } from '../../lib/server/subgraph-secret';
import { subgraphFetcherOf } from './dedup/gateway-dedup';
import { PARTNER_ID_HEADER, type GatewayContext } from './gateway-context';
import { injectTraceContext, traceSubgraphFetch } from './observability/subgraph-fetch-span';
import { resilientFetcher, type SubgraphRequestPolicy } from './limits/resilient-fetcher';

/** Who the subgraph is told is calling: the user of the request (their token), or a partner (anonymous). */
export type SubgraphCaller = 'user' | 'partner';

export interface SubgraphDataSourceOptions {
  url?: string;
  /** How subgraphs are reached (keep-alive, with or without deduplication); default: @apollo/gateway's. */
  fetcher?: Fetcher;
  /** A deadline on every fetch and retries for queries (gateway/src/limits/resilient-fetcher.ts). */
  requests?: SubgraphRequestPolicy;
  /** SUBGRAPH_SECRET: the gateway's credential on every fetch (lib/server/subgraph-secret.ts). */
  subgraphSecret?: string | null;
  /** 'partner': no user token goes out, the partner's id does (`x-partner-id`). Default 'user'. */
  caller?: SubgraphCaller;
}

/** Builds the data source of one subgraph; `caller` as in SubgraphDataSourceOptions. */
export type SubgraphDataSources = (
  subgraph: { name: string; url?: string },
  options?: { caller?: SubgraphCaller },
) => SubgraphDataSource;

/**
 * The one factory of subgraph data sources of a gateway process, from the configuration: deadline and
 * retries (GATEWAY_SUBGRAPH_TIMEOUT_MS / _RETRIES), SUBGRAPH_SECRET, and one keep-alive fetcher shared by
 * every data source it builds (deduplicating identical in-flight queries unless GATEWAY_DEDUP=false).
 */
export function createSubgraphDataSources(
  config: Pick<Config, 'protection' | 'dedup'>,
  fetcher: Fetcher = subgraphFetcherOf(config),
): SubgraphDataSources {
  const { subgraphRequests, subgraphSecret } = config.protection;
  return ({ name, url }, options = {}) =>
    new SubgraphDataSource({
      url,
      fetcher,
      requests: { serviceName: name, ...subgraphRequests },
      subgraphSecret,
      caller: options.caller ?? 'user',
    });
}

export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly subgraphSecret: string | null;
  private readonly caller: SubgraphCaller;

  constructor(options: SubgraphDataSourceOptions) {
    const { requests, subgraphSecret, caller, ...dataSource } = options;
    super(dataSource);
    this.subgraphSecret = subgraphSecret ?? null;
    this.caller = caller ?? 'user';
    if (requests) this.fetcher = resilientFetcher(this.fetcher, requests);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (headers && this.subgraphSecret) headers.set(SUBGRAPH_SECRET_HEADER, this.subgraphSecret);
    if (!headers || !('correlationId' in context)) return; // health checks carry no request context
    if (this.caller === 'partner') {
      // The partner API calls anonymously: whatever token came along stays here.
      headers.delete('authorization');
      if ('partnerId' in context) headers.set(PARTNER_ID_HEADER, String(context.partnerId));
    } else if (context.accessToken) {
      headers.set('authorization', `Bearer ${context.accessToken}`);
    }
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
