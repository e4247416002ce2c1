/**
 * One entity fetch asks a subgraph for the entities of many positions of the answer, and @apollo/gateway
 * sends one representation per position: a review list whose 96 items share one product sends that
 * product's representation 96 times, and the subgraph resolves and serializes it 96 times. Identical
 * representations (the same JSON) are sent once; the answer is spread back over every position that asked,
 * errors included (an error of entity i is an error of each position that asked for i).
 */

/** The unique representations to send, and for each original position the index of its unique one. */
export interface UniqueRepresentations {
  representations: unknown[];
  positions: number[];
}

/** Null when the variables hold no representations or no two alike (nothing to do). */
export function uniqueRepresentations(
  variables: Record<string, unknown> | undefined,
): UniqueRepresentations | null {
  const all = variables?.representations;
  if (!Array.isArray(all) || all.length < 2) return null;
  const indexOf = new Map<string, number>();
  const representations: unknown[] = [];
  const positions: number[] = [];
  for (const representation of all) {
    // JSON.stringify is the fastest key here (faster than a key built by hand from the fields).
    const key = JSON.stringify(representation);
    let index = indexOf.get(key);
    if (index === undefined) {
      index = representations.length;
      indexOf.set(key, index);
      representations.push(representation);
    }
    positions.push(index);
  }
  return representations.length < all.length ? { representations, positions } : null;
}

interface EntitiesAnswer {
  data?: { _entities?: unknown } | null;
  errors?: unknown;
}

type PathedError = { path?: readonly (string | number)[] };

/**
 * Spreads an answer to the unique representations back over the original positions (in place). An
 * answer whose `_entities` is not a list of the unique length is left for @apollo/gateway to refuse.
 */
export function spreadEntities<T extends EntitiesAnswer>(
  answer: T,
  { representations, positions }: UniqueRepresentations,
): T {
  const entities = answer.data?._entities;
  if (Array.isArray(entities) && entities.length === representations.length) {
    answer.data!._entities = positions.map((index) => entities[index]);
  }
  if (Array.isArray(answer.errors)) {
    answer.errors = (answer.errors as PathedError[]).flatMap((error) => {
      const [root, index, ...rest] = error.path ?? [];
      if (root !== '_entities' || typeof index !== 'number') return [error];
      return positions.flatMap((unique, position) =>
        unique === index ? [{ ...error, path: ['_entities', position, ...rest] }] : [],
      );
    });
  }
  return answer;
}
