/** The one mapper from thrown errors to what a GraphQL client sees: a code, a message, no internals. */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { literalFieldOf } from '../graphql/input';
import { QUERY_TOO_COMPLEX } from '../graphql/limits/limit-errors';
import type { Logger } from '../logging/logger';
import { busyDatabaseAnswered } from './busy-database';
import { DomainError, ERROR_CODES } from './domain-error';

const INTERNAL: GraphQLFormattedError['extensions'] = { code: 'INTERNAL_SERVER_ERROR' };

// Codes whose messages are written for clients: ours (as relayed by the gateway from a subgraph) and those
// of GraphQL itself or Apollo Server (parse/validation errors, bad variables). INTERNAL_SERVER_ERROR is not
// among them: its message may carry internals (e.g. the address of a subgraph the gateway could not reach).
const PASS_THROUGH = new Set<string>([
  ...ERROR_CODES.filter((code) => code !== 'INTERNAL_SERVER_ERROR'),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  // A subgraph refusing an operation over its query limits (lib/graphql/limits), as the gateway does.
  QUERY_TOO_COMPLEX,
]);

// graphql-js's "Did you mean "sports"?" and "Did you mean the enum value "RUN"?", in validation errors and in
// the errors of variables alike.
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export interface ErrorFormatterOptions {
  /** Drop "Did you mean …?" from messages: with introspection off they would reveal the schema bit by bit. */
  hideSuggestions?: boolean;
}

export function createErrorFormatter(logger: Logger, options: ErrorFormatterOptions = {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = busyDatabaseAnswered(unwrapResolverError(error), logger);
    const message = options.hideSuggestions ? formatted.message.replace(SUGGESTION, '') : formatted.message;
    const base = { message, locations: formatted.locations, path: formatted.path };
    if (original instanceof DomainError) {
      return { ...base, message: original.message, extensions: { ...original.details, code: original.code } };
    }
    const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
    // A literal argument its type refused ("Expected value of type DateTime, found …") is bad input, as
    // the same value sent in a variable is: BAD_USER_INPUT naming the field.
    const literalField = original instanceof GraphQLError ? literalFieldOf(original.nodes?.[0]) : undefined;
    if (extensions.code === 'GRAPHQL_VALIDATION_FAILED' && literalField) {
      return { ...base, extensions: { ...extensions, code: 'BAD_USER_INPUT', field: literalField } };
    }
    if (typeof extensions.code === 'string' && PASS_THROUGH.has(extensions.code)) {
      return { ...base, extensions };
    }
    logger.error({ err: original }, 'unexpected error while executing an operation');
    return { ...base, message: 'Internal server error', extensions: INTERNAL };
  };
}
