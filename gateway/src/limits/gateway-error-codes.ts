/**
 * The gateway's own refusal codes and the formatter step that lets them reach the client as written (the
 * shared formatter hides codes it does not know; it knows the query limits' QUERY_TOO_COMPLEX, which the
 * subgraphs send too).
 */
import type { GraphQLFormattedError } from 'graphql';

export const PERSISTED_QUERY_NOT_ALLOWED = 'PERSISTED_QUERY_NOT_ALLOWED';
export const SUBGRAPH_TIMEOUT = 'SUBGRAPH_TIMEOUT';
const GATEWAY_CODES = new Set([PERSISTED_QUERY_NOT_ALLOWED, SUBGRAPH_TIMEOUT]);

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
