/** Loads the partner contract (supergraph.public.graphql), reaching its subgraphs where the main gateway does. */
import { loadSupergraph, type LoadedSupergraph } from '../supergraph-file';

export function loadPartnerSupergraph(
  path: string,
  mainSubgraphUrls: Record<string, string>,
): LoadedSupergraph {
  const contract = loadSupergraph(path);
  const subgraphUrls = Object.fromEntries(
    Object.entries(contract.subgraphUrls).map(([name, url]) => [name, mainSubgraphUrls[name] ?? url]),
  );
  return { ...contract, subgraphUrls };
}
