/**
 * The contexts this repository implements, by their names in supergraph.yaml. Every launcher reads them
 * from here: the embedded platform, start:subgraph, start:gateway (the HTTP routes), events:replay and
 * the contexts' commands (metrics:recompute).
 */
import type { AnyContext } from '../lib/context/context-descriptor';
import type { GatewayHttpRoute } from '../lib/context/http-routes';
import { gamificationContext } from '../subgraphs/gamification/src';
import { identityContext } from '../subgraphs/identity/src';
import { inventoryContext } from '../subgraphs/inventory/src';
import { trainingContext } from '../subgraphs/training/src';

export const CONTEXTS: readonly AnyContext[] = [
  identityContext,
  trainingContext,
  inventoryContext,
  gamificationContext,
];

export const contextNamed = (name: string): AnyContext | undefined => CONTEXTS.find((c) => c.name === name);

/** The HTTP routes the gateway serves on its port, from every context's descriptor. */
export const gatewayHttpRoutes = (): GatewayHttpRoute[] =>
  CONTEXTS.flatMap((context) =>
    (context.http?.routes ?? []).map((route) => ({ ...route, subgraph: context.name })),
  );
