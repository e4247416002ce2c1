/** Loads a composed supergraph and resolves where each of its subgraphs is reached. */
import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';

export interface LoadedSupergraph {
  sdl: string;
  /** Subgraph name → URL, after SUBGRAPH_URL_<NAME> overrides. */
  subgraphUrls: Record<string, string>;
}

export function loadSupergraph(path: string, overrides: Record<string, string> = {}): LoadedSupergraph {
  let sdl: string;
  try {
    sdl = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`Cannot read the supergraph at ${path}: run npm run compose, or set SUPERGRAPH_PATH.`);
  }
  const subgraphUrls = Object.fromEntries(
    Supergraph.build(sdl)
      .subgraphsMetadata()
      .map(({ name, url }) => [name, overrides[name] ?? url]),
  );
  const unknown = Object.keys(overrides).filter((name) => !(name in subgraphUrls));
  if (unknown.length) {
    throw new Error(`SUBGRAPH_URL_ names subgraphs that are not in ${path}: ${unknown.join(', ')}`);
  }
  return { sdl, subgraphUrls };
}
