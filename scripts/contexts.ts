/**
 * The contexts this repository implements, by their names in supergraph.yaml. Every launcher reads them
 * from here: the embedded platform, start:subgraph, events:replay and the contexts' commands
 * (metrics:recompute); a gateway process reads only their HTTP routes (scripts/context-routes.ts).
 */
import type { AnyContext } from '../lib/context/context-descriptor';
import { gamificationContext } from '../subgraphs/gamification/src';
import { identityContext } from '../subgraphs/identity/src';
import { insightsContext } from '../subgraphs/insights/src';
import { inventoryContext } from '../subgraphs/inventory/src';
import { notificationsContext } from '../subgraphs/notifications/src';
import { socialContext } from '../subgraphs/social/src';
import { trainingContext } from '../subgraphs/training/src';

export const CONTEXTS: readonly AnyContext[] = [
  identityContext,
  trainingContext,
  inventoryContext,
  gamificationContext,
  insightsContext,
  notificationsContext,
  socialContext,
];

export const contextNamed = (name: string): AnyContext | undefined => CONTEXTS.find((c) => c.name === name);
