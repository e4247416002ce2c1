/**
 * That the bench's Node subgraphs fit the stored supergraph: composed with @apollo/composition, their
 * schemas give a supergraph for which Apollo's query planner plans TestQuery exactly as for the stored one,
 * so every gateway (which plans on the stored one) asks them what they can answer.
 */
import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { prettyFormatQueryPlan, QueryPlanner } from '@apollo/query-planner';
import { parse } from 'graphql';
import { GUILD_SUBGRAPHS } from './subgraph-schemas';
import { TEST_QUERY } from './test-query';

function testQueryPlan(supergraphSdl: string): string {
  const supergraph = Supergraph.build(supergraphSdl);
  const operation = operationFromDocument(supergraph.schema.toAPISchema(), parse(TEST_QUERY));
  return prettyFormatQueryPlan(new QueryPlanner(supergraph).buildQueryPlan(operation));
}

/** Throws unless the subgraphs compose and TestQuery's plan is the stored supergraph's. */
export function checkGuildComposition(storedSupergraphPath: string): void {
  const composed = composeServices(
    Object.entries(GUILD_SUBGRAPHS).map(([name, { typeDefs }]) => ({
      name,
      typeDefs,
      url: `http://${name}`,
    })),
  );
  if (composed.errors) {
    throw new Error(
      `The guild subgraphs do not compose: ${composed.errors.map((e) => e.message).join('; ')}`,
    );
  }
  const stored = testQueryPlan(readFileSync(storedSupergraphPath, 'utf8'));
  if (testQueryPlan(composed.supergraphSdl) !== stored) {
    throw new Error(
      `The guild subgraphs compose to a supergraph that plans TestQuery otherwise than ${storedSupergraphPath}`,
    );
  }
}
