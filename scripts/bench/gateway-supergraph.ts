/** The supergraph every measured gateway serves, with its subgraph URLs pointed at the running subgraphs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../lib/paths';

export const SUPERGRAPH_PATH = join(repoRoot, 'supergraph.graphql');

/** The supergraph SDL with each `@join__graph(name: …, url: …)` pointing at the given URL. */
export function supergraphSdlWithUrls(urls: Record<string, string>): string {
  const sdl = readFileSync(SUPERGRAPH_PATH, 'utf8');
  const seen = new Set<string>();
  const rewritten = sdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: string) => {
    const url = urls[name];
    if (!url) return whole;
    seen.add(name);
    return `@join__graph(name: "${name}", url: "${url}")`;
  });
  const missing = Object.keys(urls).filter((name) => !seen.has(name));
  if (missing.length) throw new Error(`supergraph.graphql has no subgraph named ${missing.join(', ')}`);
  return rewritten;
}
