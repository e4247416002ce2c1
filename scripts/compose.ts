// npm run compose: composes the subgraphs of supergraph.yaml with @apollo/composition and writes
// supergraph.graphql (what the gateway serves) and supergraph.api.graphql (what clients see).
// Any composition error fails the command. `--check` fails when the written files are out of date.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';
import { repoRoot } from '../lib/paths';
import { readSupergraphConfig } from '../lib/supergraph-config';

function main() {
  const check = process.argv.includes('--check');
  const subgraphs = readSupergraphConfig();
  const result = composeServices(
    subgraphs.map((s) => ({
      name: s.name,
      url: s.routingUrl,
      typeDefs: parse(readFileSync(s.schemaPath, 'utf8')),
    })),
  );
  if (result.errors) {
    console.error(`Composition failed with ${result.errors.length} error(s):`);
    for (const error of result.errors) console.error(`  - ${error.message}`);
    process.exit(1);
  }
  for (const hint of result.hints) console.warn(`hint: ${hint.toString()}`);
  const outputs = {
    'supergraph.graphql': result.supergraphSdl,
    'supergraph.api.graphql': printSchema(result.schema.toAPISchema().toGraphQLJSSchema()) + '\n',
  };
  const stale = Object.entries(outputs).filter(([file, content]) => {
    const path = join(repoRoot, file);
    return !existsSync(path) || readFileSync(path, 'utf8') !== content;
  });
  if (check) {
    if (stale.length) {
      console.error(
        `Out of date: ${stale.map(([f]) => f).join(', ')}. Run npm run compose and commit the result.`,
      );
      process.exit(1);
    }
    console.log(`supergraph is up to date (${subgraphs.map((s) => s.name).join(', ')})`);
    return;
  }
  for (const [file, content] of Object.entries(outputs)) writeFileSync(join(repoRoot, file), content);
  console.log(
    `composed ${subgraphs.map((s) => s.name).join(', ')} into ${Object.keys(outputs).join(' and ')}`,
  );
}

main();
