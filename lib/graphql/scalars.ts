/** Scalars shared by every subgraph: DateTime (ISO 8601) and Duration (whole seconds). */
import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, NonNegativeIntResolver } from 'graphql-scalars';

/** An instant as an ISO 8601 date-time string with its offset (graphql-scalars' DateTime: RFC 3339). */
export const DateTime = DateTimeResolver;

export const Duration = new GraphQLScalarType({
  ...NonNegativeIntResolver.toConfig(),
  name: 'Duration',
  description: 'A duration in whole seconds (a non-negative integer).',
});

/**
 * Pulse's scalars by name. The gateway parses arguments of these types with them when a supergraph
 * declares them (its own schema passes custom scalars through unparsed).
 */
export const PULSE_SCALARS: ReadonlyMap<string, GraphQLScalarType> = new Map([
  [DateTime.name, DateTime],
  [Duration.name, Duration],
]);
