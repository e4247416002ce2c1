/**
 * The gateway's own refusal codes and the formatter step that lets them reach the client as written (the
 * shared formatter hides codes it does not know; it knows the query limits' QUERY_TOO_COMPLEX, which the
 * subgraphs send too).
 */
import type { GraphQLFormattedError } from 'graphql';

export const PERSISTED_QUERY_NOT_ALLOWED = 'PERSISTED_QUERY_NOT_ALLOWED';
export const SUBGRAPH_TIMEOUT = 'SUBGRAPH_TIMEOUT';
/** A subgraph that cannot be reached (down, restarting): the client may try again in a moment. */
export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';
/** What a client should wait before it tries a request refused with SUBGRAPH_UNAVAILABLE again. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 1;
const GATEWAY_CODES = new Set([PERSISTED_QUERY_NOT_ALLOWED, SUBGRAPH_TIMEOUT, SUBGRAPH_UNAVAILABLE]);

/** The error of a subgraph that cannot be reached, as a GraphQL error's message and extensions. */
export function unavailableError(serviceName: string) {
  return {
    message: `The ${serviceName} service cannot be reached. Try again in a moment.`,
    extensions: {
      code: SUBGRAPH_UNAVAILABLE,
      serviceName,
      retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
    },
  };
}

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** Passes the gateway's own codes through as written; everything else goes to the shared formatter. */
export function withGatewayErrorCodes(format: FormatError): FormatError {
  return (formatted, error) => {
    const code = formatted.extensions?.code;
    if (typeof code !== 'string' || !GATEWAY_CODES.has(code)) return format(formatted, error);
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
  };
}
