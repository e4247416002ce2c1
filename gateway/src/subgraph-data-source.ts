/**
 * How the gateway calls a subgraph, for every caller of it (the main gateway, the partner API and the
 * subscription executor): one factory, so that each fetch has the same deadline, query-only retries,
 * kept-alive connections, outbound deduplication, tracing span and credentials, wherever it is planned.
 */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import type { Context } from '@opentelemetry/api';
import { GraphQLError } from 'graphql';
import type { Config } from '../../lib/config/config';
import { CLIENT_ADDRESS_HEADER } from '../../lib/server/client-address';
import { SUBGRAPH_SECRET_HEADER } from '../../lib/server/subgraph-secret';
import { subgraphFetcherOf } from './dedup/gateway-dedup';
import { spreadEntities, uniqueRepresentations } from './entity-representations';
import { keepAliveFetcher } from './subgraph-fetcher';
import { PARTNER_ID_HEADER, type GatewayContext } from './gateway-context';
import { injectTraceContext, traceSubgraphFetch } from './observability/subgraph-fetch-span';
import { resilientFetcher, type SubgraphRequestPolicy } from './limits/resilient-fetcher';

/** Who the subgraph is told is calling: the user of the request (their token), or a partner (anonymous). */
export type SubgraphCaller = 'user' | 'partner';

export interface SubgraphDataSourceOptions {
  url?: string;
  /** How subgraphs are reached (with or without deduplication); default: kept-alive connections. */
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

/** The headers of a subgraph request while they are built (a Map, or a Fetch API Headers). */
export interface OutgoingHeaders {
  get(name: string): string | null | undefined;
  set(name: string, value: string): void;
  delete(name: string): void;
}

type SubgraphAnswer = Awaited<ReturnType<GraphQLDataSource['process']>> & { http?: FetcherResponse };

/**
 * One subgraph, as @apollo/gateway calls it. Written for the gateway's hot path instead of extending
 * RemoteGraphQLDataSource, which builds a node-fetch Headers and an unused Request per fetch: plain headers,
 * one JSON body, identical entity representations sent once (./entity-representations.ts), and the same
 * contract as RemoteGraphQLDataSource otherwise — the subgraph's `cache-control` restricts the answer's
 * cache policy, a non-2xx answer becomes a GraphQLError `<status>: <status text>` carrying the response
 * (UNAUTHENTICATED for 401, FORBIDDEN for 403), and an answer that is not a JSON object is an error.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  readonly url: string;
  private readonly fetcher: Fetcher;
  private readonly subgraphSecret: string | null;
  private readonly caller: SubgraphCaller;

  constructor(options: SubgraphDataSourceOptions) {
    if (!options.url) throw new Error('A subgraph data source needs the URL of its subgraph.');
    this.url = options.url;
    this.fetcher = options.fetcher ?? keepAliveFetcher;
    if (options.requests) this.fetcher = resilientFetcher(this.fetcher, options.requests);
    this.subgraphSecret = options.subgraphSecret ?? null;
    this.caller = options.caller ?? 'user';
  }

  // Each fetch is a span of the gateway request's trace, which the subgraph continues (traceparent).
  process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphAnswer> {
    return traceSubgraphFetch(this.url, (traceContext) => this.send(options, traceContext));
  }

  willSendRequest({
    headers,
    context,
    traceContext,
  }: {
    headers: OutgoingHeaders;
    context: Partial<GatewayContext>;
    traceContext?: Context;
  }): void {
    if (this.subgraphSecret) headers.set(SUBGRAPH_SECRET_HEADER, this.subgraphSecret);
    if (!('correlationId' in context)) return; // health checks carry no request context
    if (this.caller === 'partner') {
      // The partner API calls anonymously: whatever token came along stays here.
      headers.delete('authorization');
      if ('partnerId' in context) headers.set(PARTNER_ID_HEADER, String(context.partnerId));
    } else if (context.accessToken) {
      headers.set('authorization', `Bearer ${context.accessToken}`);
    }
    headers.set('x-correlation-id', String(context.correlationId));
    if (context.clientAddress) headers.set(CLIENT_ADDRESS_HEADER, context.clientAddress);
    else headers.delete(CLIENT_ADDRESS_HEADER);
    injectTraceContext(headers, traceContext);
  }

  /**
   * A subgraph refuses a request it cannot run (a variable its scalar rejects, …) with HTTP 400 and coded
   * GraphQL errors: the client gets that error as the subgraph wrote it (BAD_USER_INPUT and its message),
   * where @apollo/gateway would report an INTERNAL_SERVER_ERROR "400: Bad Request".
   */
  async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const refusal = response.status === 400 ? clientErrorOf(await response.clone().text()) : null;
    if (refusal) return refusal;
    const extensions: Record<string, unknown> = {
      response: {
        url: response.url,
        status: response.status,
        statusText: response.statusText,
        body: await bodyOf(response),
      },
    };
    if (response.status === 401) extensions.code = 'UNAUTHENTICATED';
    else if (response.status === 403) extensions.code = 'FORBIDDEN';
    return new GraphQLError(`${response.status}: ${response.statusText}`, { extensions });
  }

  private async send(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
    traceContext: Context,
  ): Promise<SubgraphAnswer> {
    const { http, query, ...rest } = options.request;
    if (!query) throw new Error('Missing query');
    const headers = new Map<string, string>();
    for (const [name, value] of http?.headers ?? []) headers.set(name.toLowerCase(), value);
    headers.set('content-type', 'application/json');
    this.willSendRequest({ headers, context: options.context, traceContext });
    const unique = uniqueRepresentations(rest.variables);
    const variables = unique
      ? { ...rest.variables, representations: unique.representations }
      : rest.variables;
    const response = await this.fetcher(this.url, {
      method: 'POST',
      headers: Object.fromEntries(headers),
      body: JSON.stringify({ query, ...rest, variables }),
    });
    if (!response.ok) throw await this.errorFromResponse(response);
    const body = await bodyOf(response);
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new Error(`Expected JSON response body, but received: ${String(body)}`);
    }
    if (unique) spreadEntities(body, unique);
    if ('incomingRequestContext' in options) {
      restrictCachePolicy(
        options.incomingRequestContext.overallCachePolicy,
        response.headers.get('cache-control'),
      );
    }
    return { ...(body as SubgraphAnswer), http: response };
  }
}

/** A JSON answer parsed, any other answer as text. */
async function bodyOf(response: FetcherResponse): Promise<unknown> {
  const type = response.headers.get('content-type');
  const json = type?.startsWith('application/json') || type?.startsWith('application/graphql-response+json');
  return json ? response.json() : response.text();
}

/** As RemoteGraphQLDataSource: the subgraph's `cache-control` max-age and scope restrict the answer's. */
function restrictCachePolicy(policy: unknown, header: string | null): void {
  if (!policy || typeof policy !== 'object' || !('restrict' in policy)) return;
  const hint: { maxAge: number; scope?: 'PRIVATE' | 'PUBLIC' } = { maxAge: 0 };
  for (const part of (header ?? '').trim().split(/\s*,\s*/)) {
    const [name, value] = part.split(/\s*=\s*/, 2);
    if (name === 'max-age' && value && /^[0-9]+$/.test(value.replace(/^"|"$/g, ''))) {
      hint.maxAge = Number(value.replace(/^"|"$/g, ''));
    } else if (name === 'private' && value === undefined) hint.scope = 'PRIVATE';
    else if (name === 'public' && value === undefined) hint.scope = 'PUBLIC';
  }
  (policy as { restrict(hint: object): void }).restrict(hint);
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
