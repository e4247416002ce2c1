/** Loads the partner contract (supergraph.public.graphql), reaching its subgraphs where the main gateway does. */
import { existsSync } from 'node:fs';
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

/** What the partner API serves, or why the gateway serves it not (`off`: a sentence for the log). */
export type PartnerApiSetup = { supergraph: LoadedSupergraph; identityUrl: string } | { off: string };

/**
 * The partner API is Pulse's: it runs only in front of a supergraph with an identity subgraph (which checks
 * the API keys) and with its contract at hand (given, or the file at `contractPath`). Any other supergraph
 * is served without it.
 */
export function partnerApiSetup(options: {
  main: LoadedSupergraph;
  contractPath: string;
  contract?: LoadedSupergraph;
}): PartnerApiSetup {
  const identityUrl = options.main.subgraphUrls.identity;
  if (!identityUrl) return { off: 'the supergraph has no identity subgraph to check partner API keys' };
  if (options.contract) return { supergraph: options.contract, identityUrl };
  if (!existsSync(options.contractPath)) {
    return { off: `no partner contract at ${options.contractPath} (PARTNER_SUPERGRAPH_PATH)` };
  }
  return { supergraph: loadPartnerSupergraph(options.contractPath, options.main.subgraphUrls), identityUrl };
}
