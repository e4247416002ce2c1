/**
 * Relay connections over keyset pagination. Written by hand because the cursor must carry the sort
 * key of the row (not an offset) and the few lines that do it are simpler than adapting a library.
 */
import { BadUserInputError } from '../errors/domain-error';

export const MAX_PAGE_SIZE = 100;

export interface Page<K> {
  limit: number;
  after: K | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor<K>(cursor: string, parseKey: (raw: unknown) => K | null): K | null {
  try {
    return parseKey(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    return null;
  }
}

/** Validates `first` and decodes `after` with `parseKey`, which returns null for a key it does not accept. */
export function pageArgs<K>(
  first: number | null | undefined,
  after: string | null | undefined,
  parseKey: (raw: unknown) => K | null,
): Page<K> {
  const limit = first ?? 20;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw new BadUserInputError('first', `first must be an integer from 0 to ${MAX_PAGE_SIZE}.`);
  }
  if (after == null) return { limit, after: null };
  const key = decodeCursor(after, parseKey);
  if (key === null)
    throw new BadUserInputError('after', 'after is not a cursor returned by this connection.');
  return { limit, after: key };
}

/** Builds the connection from up to `limit + 1` rows (the extra row only says whether there is a next page). */
export function toConnection<T>(rows: T[], page: Page<unknown>, keyOf: (row: T) => unknown): Connection<T> {
  const nodes = rows.slice(0, page.limit);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.limit,
      hasPreviousPage: page.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
