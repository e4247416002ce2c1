/** Refusals for going over a query limit: code QUERY_TOO_COMPLEX, the limit, its maximum and the measure. */
import { GraphQLError } from 'graphql';

export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

export type LimitName = 'depth' | 'aliases' | 'rootFields' | 'tokens' | 'cost' | 'batch';

const MESSAGES: Record<LimitName, (max: number, actual: number) => string> = {
  depth: (max, actual) =>
    `The operation nests fields ${actual} levels deep; Pulse accepts at most ${max}. Fetch the deeper data with a second operation.`,
  aliases: (max, actual) =>
    `The operation uses ${actual} aliases; Pulse accepts at most ${max}. Split it into several operations.`,
  rootFields: (max, actual) =>
    `The operation asks for ${actual} top-level fields; Pulse accepts at most ${max}. Split it into several operations.`,
  tokens: (max) =>
    `The operation is longer than ${max} tokens (names, punctuation and values); shorten it or split it into several operations.`,
  cost: (max, actual) =>
    `The operation's estimated cost is ${actual}, above the ${max} Pulse accepts. Ask for smaller pages (first: …) or fewer nested lists.`,
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

/**
 * The refusal of a list field whose `@listSize(requireOneSlicingArgument: true)` asks for exactly one of its
 * slicing arguments (`coordinate` is `Type.field`, `given` how many have a value): HTTP 400, BAD_USER_INPUT.
 */
export function slicingArgumentsError(coordinate: string, slicing: readonly string[], given: number) {
  const names = slicing.join(', ');
  return new GraphQLError(
    `${coordinate} needs exactly one of ${names} to estimate its size; the operation gives ${given}.`,
    { extensions: { code: 'BAD_USER_INPUT', field: coordinate, http: { status: 400 } } },
  );
}
