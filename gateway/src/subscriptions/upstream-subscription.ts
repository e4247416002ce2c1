/**
 * One subscription opened on the subgraph that owns a subscription field, over graphql-ws (one socket
 * per upstream subscription), with the caller's token and correlation id in `connection_init`.
 */
import type { FetchNode } from '@apollo/query-planner';
import type { GraphQLFormattedError } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { GatewayContext } from '../gateway-context';
import type { SubgraphResponse } from './event-executor';

/** How an upstream subscription ended. */
export type UpstreamEnd =
  | { kind: 'complete' }
  /** The subgraph refused or ended the operation with errors (graphql-ws `error` message). */
  | { kind: 'errors'; errors: readonly GraphQLFormattedError[] }
  /** The socket closed or could not be opened. */
  | { kind: 'lost'; reason: string };

export interface UpstreamSink {
  next(event: SubgraphResponse): void;
  end(outcome: UpstreamEnd): void;
}

export interface UpstreamRequest {
  /** The subgraph's GraphQL URL (http or https). */
  url: string;
  primary: FetchNode;
  /** The client's variables; only those the fetch uses are sent. */
  variables: Record<string, unknown>;
  caller: GatewayContext;
}

export type StartUpstream = (request: UpstreamRequest, sink: UpstreamSink) => { stop(): void };

/** ws:// for http://, wss:// for https://. */
export function toWebSocketUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol === 'http:') parsed.protocol = 'ws:';
  else if (parsed.protocol === 'https:') parsed.protocol = 'wss:';
  else if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') {
    throw new Error(`A subgraph URL must be http(s) or ws(s), got ${url}`);
  }
  return parsed.toString();
}

export const startGraphqlWsUpstream: StartUpstream = (request, sink) => {
  const { primary, caller } = request;
  let ended = false;
  const end = (outcome: UpstreamEnd) => {
    if (ended) return;
    ended = true;
    sink.end(outcome);
  };
  const client = createClient({
    url: toWebSocketUrl(request.url),
    webSocketImpl: WebSocket,
    connectionParams: {
      ...(caller.accessToken && { authorization: `Bearer ${caller.accessToken}` }),
      'x-correlation-id': caller.correlationId,
    },
    // An upstream that goes away is reported to the clients, who decide whether to subscribe again.
    retryAttempts: 0,
    lazy: true,
    lazyCloseTimeout: 0,
  });
  const variables = Object.fromEntries(
    (primary.variableUsages ?? []).flatMap((name) =>
      request.variables[name] === undefined ? [] : [[name, request.variables[name]]],
    ),
  );
  const unsubscribe = client.subscribe<Record<string, unknown>, Record<string, unknown>>(
    { query: primary.operation, operationName: primary.operationName, variables },
    {
      next: (event) => {
        if (!ended) sink.next(event);
      },
      error: (error: unknown) => end(endOf(error)),
      complete: () => end({ kind: 'complete' }),
    },
  );
  return {
    stop: () => {
      ended = true;
      unsubscribe();
      void client.dispose();
    },
  };
};

function endOf(error: unknown): UpstreamEnd {
  if (Array.isArray(error)) return { kind: 'errors', errors: error as GraphQLFormattedError[] };
  if (isCloseEvent(error)) {
    // The subgraph refused the token it was given (expired since the gateway checked it).
    if (error.code === 4401 || error.code === 4403) {
      return {
        kind: 'errors',
        errors: [
          { message: 'The access token is invalid or has expired.', extensions: { code: 'UNAUTHENTICATED' } },
        ],
      };
    }
    return { kind: 'lost', reason: `closed with ${error.code} ${error.reason}`.trim() };
  }
  return { kind: 'lost', reason: error instanceof Error ? error.message : 'the connection failed' };
}

function isCloseEvent(value: unknown): value is { code: number; reason: string } {
  return typeof value === 'object' && value !== null && 'code' in value && typeof value.code === 'number';
}
