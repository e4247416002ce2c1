/**
 * The safelist (GATEWAY_SAFELIST): the only operations the gateway runs when it is set. The file is
 * either a map `{ "<sha256 of the text>": "<operation text>" }` or Apollo's persisted query manifest
 * (`{ "format": "apollo-persisted-query-manifest", "version": 1, "operations": [{ "id", "body", … }] }`);
 * every id must be the SHA-256 (hex) of its text, as in automatic persisted queries.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { OperationTextCache } from './apq-cache';

export type Safelist = ReadonlyMap<string, string>;

const flatManifest = z.record(z.string(), z.string());
const apolloManifest = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(z.object({ id: z.string(), body: z.string() })),
});

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Checks a parsed manifest; throws one error naming the file and every problem. */
export function parseSafelist(json: unknown, source: string): Safelist {
  const apollo = apolloManifest.safeParse(json);
  const flat = flatManifest.safeParse(json);
  const pairs: [string, string][] = apollo.success
    ? apollo.data.operations.map((operation) => [operation.id, operation.body])
    : flat.success
      ? Object.entries(flat.data)
      : [];
  if (!apollo.success && !flat.success) {
    throw new Error(
      `${source} is not a safelist: expected { "<sha256>": "<operation text>" } or an Apollo persisted query manifest.`,
    );
  }
  const problems = pairs.flatMap(([id, text]) =>
    sha256(text) === id.toLowerCase()
      ? []
      : [`${id}: not the SHA-256 of its operation text (${sha256(text)})`],
  );
  if (problems.length > 0) throw new Error(`${source} has invalid entries:\n  - ${problems.join('\n  - ')}`);
  return new Map(pairs.map(([id, text]) => [id.toLowerCase(), text]));
}

export function loadSafelist(path: string): Safelist {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the safelist GATEWAY_SAFELIST=${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    return parseSafelist(JSON.parse(text), path);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new Error(`The safelist ${path} is not valid JSON: ${error.message}`, { cause: error });
  }
}

/**
 * The persisted-query cache in safelist mode: reads from the list (so a client sends only the hash) and
 * registers nothing. Apollo Server prefixes keys (`apq:<hash>`).
 */
export function safelistCache(list: Safelist): OperationTextCache {
  return {
    async get(key) {
      return list.get(key.slice(key.lastIndexOf(':') + 1));
    },
    async set() {},
    async delete() {
      return false;
    },
  };
}
