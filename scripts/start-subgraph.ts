// npm run start:subgraph -- <name>: one subgraph as its own process (services mode, e.g. docker-compose).
// PORT defaults to the port of its routing_url in supergraph.yaml; JWKS_URL defaults to identity's.
import { jwksUrlOf } from '../lib/auth/jwt-verifier';
import { getConfig } from '../lib/config/config';
import { resolveDatabaseTarget } from '../lib/db/database-target';
import { createLogger } from '../lib/logging/logger';
import { stopOnSignals } from '../lib/server/shutdown';
import { readSupergraphConfig } from '../lib/supergraph-config';
import { SUBGRAPHS } from './subgraphs';

async function main() {
  const name = process.argv[2] ?? '';
  const entries = readSupergraphConfig();
  const entry = entries.find((e) => e.name === name);
  const start = SUBGRAPHS[name];
  if (!entry || !start) {
    console.error(`usage: npm run start:subgraph -- <${Object.keys(SUBGRAPHS).join('|')}>`);
    process.exit(2);
  }
  const config = getConfig();
  const logger = createLogger(config.log.level, name);
  const identity =
    config.gateway.subgraphUrls.identity ?? entries.find((e) => e.name === 'identity')?.routingUrl;
  const server = await start({
    config,
    database: resolveDatabaseTarget(name, config),
    host: config.http.host,
    port: config.http.port ?? Number(new URL(entry.routingUrl).port),
    logger,
    jwksUrl: config.auth.jwksUrl ?? jwksUrlOf(identity ?? entry.routingUrl),
  });
  console.log(`Pulse subgraph ${name}: ${server.url}`);
  stopOnSignals(server.stop, logger);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
