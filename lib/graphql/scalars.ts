/** Scalars shared by the subgraphs: DateTime (ISO 8601), Duration (whole seconds), LocalDate (YYYY-MM-DD). */
import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, LocalDateResolver, NonNegativeIntResolver } from 'graphql-scalars';

/** An instant as an ISO 8601 date-time string with its offset (graphql-scalars' DateTime: RFC 3339). */
export const DateTime = DateTimeResolver;

/** A calendar day as `YYYY-MM-DD` (graphql-scalars' LocalDate: a real date, kept as the string). */
export const LocalDate = LocalDateResolver;

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
  [LocalDate.name, LocalDate],
]);
