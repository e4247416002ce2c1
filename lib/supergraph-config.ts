/** Reads supergraph.yaml (rover's format): the subgraphs, their routing URLs and schema files. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { repoRoot } from './paths';

const fileSchema = z.object({
  federation_version: z.string().optional(),
  subgraphs: z.record(
    z.string().regex(/^[a-z][a-z0-9_]*$/),
    z.object({ routing_url: z.url(), schema: z.object({ file: z.string().min(1) }) }),
  ),
});

export interface SubgraphEntry {
  name: string;
  routingUrl: string;
  schemaPath: string;
}

export function readSupergraphConfig(path = join(repoRoot, 'supergraph.yaml')): SubgraphEntry[] {
  const parsed = fileSchema.safeParse(parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `${path} is not a valid supergraph config: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return Object.entries(parsed.data.subgraphs).map(([name, entry]) => ({
    name,
    routingUrl: entry.routing_url,
    schemaPath: resolve(repoRoot, entry.schema.file),
  }));
}
