/** Scalars shared by every subgraph: DateTime (ISO 8601) and Duration (whole seconds). */
import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, NonNegativeIntResolver } from 'graphql-scalars';

export const DateTime = DateTimeResolver;

export const Duration = new GraphQLScalarType({
  ...NonNegativeIntResolver.toConfig(),
  name: 'Duration',
  description: 'A duration in whole seconds (a non-negative integer).',
});
