/**
 * The errors a gateway subscription can end with, beyond those its subgraphs send: each has a stable
 * `extensions.code` and a message that says what the client should do.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

export const SUBSCRIPTION_END_CODES = [
  'SUBGRAPH_UNAVAILABLE',
  'SUPERGRAPH_RELOADED',
  'SHUTTING_DOWN',
] as const;
export type SubscriptionEndCode = (typeof SUBSCRIPTION_END_CODES)[number];

/** Upstream answers that mean "not for you": before the first event, they refuse the subscription. */
const DENIAL_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);

export function subgraphUnavailable(subgraph: string): GraphQLError {
  return new GraphQLError(
    `The ${subgraph} service stopped sending this subscription's events: subscribe again in a moment.`,
    { extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: subgraph } },
  );
}

export function supergraphReloaded(): GraphQLError {
  return new GraphQLError('The API schema was updated: subscribe again.', {
    extensions: { code: 'SUPERGRAPH_RELOADED' },
  });
}

export function shuttingDown(): GraphQLError {
  return new GraphQLError('The server is shutting down: reconnect and subscribe again in a moment.', {
    extensions: { code: 'SHUTTING_DOWN' },
  });
}

export function notASubscription(): GraphQLError {
  return new GraphQLError(
    'Only subscriptions are served over WebSocket and SSE: send queries and mutations as an HTTP POST to /graphql.',
    { extensions: { code: 'BAD_REQUEST' } },
  );
}

/** What a client sees of an unexpected failure (logged with its details by the caller). */
export function internalError(): GraphQLError {
  return new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

/** The first denial among `errors` (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND), if any. */
export function denialOf(errors: readonly GraphQLFormattedError[]): GraphQLFormattedError | undefined {
  return errors.find((error) => DENIAL_CODES.has(String(error.extensions?.code)));
}

/** GraphQLErrors that serialise exactly as the given formatted errors (what the transports send). */
export function toGraphQLErrors(errors: readonly GraphQLFormattedError[]): GraphQLError[] {
  return errors.map(
    (error) => new GraphQLError(error.message, { path: error.path, extensions: error.extensions }),
  );
}

export function subscriptionOverPlainHttp(): GraphQLError {
  return new GraphQLError(
    'Subscriptions are served over WebSocket (graphql-transport-ws) or SSE (send `Accept: text/event-stream`) on /graphql, not as a plain HTTP request.',
    { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
  );
}
