/** The supergraphs the measured gateways serve, with their subgraph URLs pointed at the running subgraphs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../lib/paths';

/** Pulse's own supergraph (the Pulse workload). */
export const SUPERGRAPH_PATH = join(repoRoot, 'supergraph.graphql');
/** The Guild's benchmark supergraph, stored as published (the guild workload). */
export const GUILD_SUPERGRAPH_PATH = join(__dirname, 'guild', 'supergraph.graphql');

/** The supergraph SDL at `path` with each `@join__graph(name: …, url: …)` pointing at the given URL. */
export function supergraphSdlWithUrls(path: string, urls: Record<string, string>): string {
  const sdl = readFileSync(path, 'utf8');
  const seen = new Set<string>();
  const rewritten = sdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: string) => {
    const url = urls[name];
    if (!url) return whole;
    seen.add(name);
    return `@join__graph(name: "${name}", url: "${url}")`;
  });
  const missing = Object.keys(urls).filter((name) => !seen.has(name));
  if (missing.length) throw new Error(`${path} has no subgraph named ${missing.join(', ')}`);
  return rewritten;
}
