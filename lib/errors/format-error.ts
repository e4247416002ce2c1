/** The one mapper from thrown errors to what a GraphQL client sees: a code, a message, no internals. */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { literalFieldOf } from '../graphql/input';
import type { Logger } from '../logging/logger';
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
]);

export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
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
