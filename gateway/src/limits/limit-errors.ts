/**
 * The gateway's own refusals: their codes, their messages, and the formatter step that lets them reach
 * the client as written (the shared formatter hides codes it does not know).
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';
export const PERSISTED_QUERY_NOT_ALLOWED = 'PERSISTED_QUERY_NOT_ALLOWED';
export const SUBGRAPH_TIMEOUT = 'SUBGRAPH_TIMEOUT';
const GATEWAY_CODES = new Set([QUERY_TOO_COMPLEX, PERSISTED_QUERY_NOT_ALLOWED, SUBGRAPH_TIMEOUT]);

export type LimitName = 'depth' | 'aliases' | 'rootFields' | 'tokens' | 'cost' | 'batch';

const MESSAGES: Record<LimitName, (max: number, actual: number) => string> = {
  depth: (max, actual) =>
    `The operation nests fields ${actual} levels deep; the gateway accepts at most ${max}. Fetch the deeper data with a second operation.`,
  aliases: (max, actual) =>
    `The operation uses ${actual} aliases; the gateway accepts at most ${max}. Split it into several operations.`,
  rootFields: (max, actual) =>
    `The operation asks for ${actual} top-level fields; the gateway accepts at most ${max}. Split it into several operations.`,
  tokens: (max) =>
    `The operation is longer than ${max} tokens (names, punctuation and values); shorten it or split it into several operations.`,
  cost: (max, actual) =>
    `The operation's estimated cost is ${actual}, above the ${max} the gateway accepts. Ask for smaller pages (first: …) or fewer nested lists.`,
  batch: (max, actual) =>
    `The request carries ${actual} operations; a batch may carry at most ${max}. Send the rest in another request.`,
};

/** The body of a refusal for going over one limit (`actual` is the measured value). */
export function limitExceeded(limit: LimitName, max: number, actual: number) {
  return {
    message: MESSAGES[limit](max, actual),
    extensions: { code: QUERY_TOO_COMPLEX, limit, max, actual },
  };
}

/** The same refusal, thrown inside Apollo Server: answered with HTTP 400. */
export function limitExceededError(limit: LimitName, max: number, actual: number): GraphQLError {
  const { message, extensions } = limitExceeded(limit, max, actual);
  return new GraphQLError(message, { extensions: { ...extensions, http: { status: 400 } } });
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
