// npm run compose: composes the subgraphs of supergraph.yaml with @apollo/composition and writes
// supergraph.graphql (what the gateway serves) and supergraph.api.graphql (what clients see), plus the
// partner contract supergraph.public.graphql: only the elements tagged @tag(name: "public"), composed with
// @theguild/federation-composition's composeSchemaContract (served by the gateway at /partner/graphql).
// Any composition error fails the command. `--check` fails when the written files are out of date.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { composeSchemaContract } from '@theguild/federation-composition';
import { parse, printSchema, visit, type DocumentNode } from 'graphql';
import { repoRoot } from '../lib/paths';
import { readSupergraphConfig } from '../lib/supergraph-config';

// @theguild/federation-composition 0.27 knows federation up to v2.9; the subgraphs use nothing newer
// (anything newer that they imported would fail the contract's composition with an unknown directive).
const GUILD_FEDERATION_VERSION = 'https://specs.apollo.dev/federation/v2.9';

function asGuildFederationVersion<T extends { typeDefs: DocumentNode }>(service: T): T {
  const typeDefs = visit(service.typeDefs, {
    StringValue: (node) =>
      /^https:\/\/specs\.apollo\.dev\/federation\/v2\.(1[0-9])$/.test(node.value)
        ? { ...node, value: GUILD_FEDERATION_VERSION }
        : undefined,
  });
  return { ...service, typeDefs };
}

function main() {
  const check = process.argv.includes('--check');
  const subgraphs = readSupergraphConfig();
  const services = subgraphs.map((s) => ({
    name: s.name,
    url: s.routingUrl,
    typeDefs: parse(readFileSync(s.schemaPath, 'utf8')),
  }));
  const result = composeServices(services);
  if (result.errors) {
    console.error(`Composition failed with ${result.errors.length} error(s):`);
    for (const error of result.errors) console.error(`  - ${error.message}`);
    process.exit(1);
  }
  const contract = composeSchemaContract(services.map(asGuildFederationVersion), {
    include: new Set(['public']),
    exclude: new Set(),
  });
  if (contract.errors) {
    console.error(`The public contract failed with ${contract.errors.length} error(s):`);
    for (const error of contract.errors) console.error(`  - ${error.message}`);
    process.exit(1);
  }
  for (const hint of result.hints) console.warn(`hint: ${hint.toString()}`);
  const outputs = {
    'supergraph.graphql': result.supergraphSdl,
    'supergraph.api.graphql': printSchema(result.schema.toAPISchema().toGraphQLJSSchema()) + '\n',
    'supergraph.public.graphql': contract.supergraphSdl + '\n',
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
