/** The subgraphs this repository can start, by name (the names of supergraph.yaml). */
import type { StartSubgraph } from '../lib/server/subgraph-server';
import { startGamificationSubgraph } from '../subgraphs/gamification/src';
import { startIdentitySubgraph } from '../subgraphs/identity/src';
import { startInventorySubgraph } from '../subgraphs/inventory/src';
import { startTrainingSubgraph } from '../subgraphs/training/src';

export const SUBGRAPHS: Record<string, StartSubgraph> = {
  identity: startIdentitySubgraph,
  training: startTrainingSubgraph,
  inventory: startInventorySubgraph,
  gamification: startGamificationSubgraph,
};
