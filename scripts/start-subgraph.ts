// npm run start:subgraph -- <name>: one subgraph as its own process (services mode, e.g. docker-compose).
// PORT defaults to the port of its routing_url in supergraph.yaml; JWKS_URL defaults to identity's.
import '../lib/runtime/require-supported-node';
import { jwksUrlOf } from '../lib/auth/jwt-verifier';
import { getConfig } from '../lib/config/config';
import { resolveDatabaseTarget } from '../lib/db/database-target';
import { createEventBus } from '../lib/events/create-event-bus';
import { createLogger } from '../lib/logging/logger';
import { stopOnSignals } from '../lib/server/shutdown';
import { assertSubgraphSecretSet } from '../lib/server/subgraph-secret';
import { readSupergraphConfig } from '../lib/supergraph-config';
import { startContext } from '../lib/context/start-context';
import { CONTEXTS, contextNamed } from './contexts';

async function main() {
  const name = process.argv[2] ?? '';
  const entries = readSupergraphConfig();
  const entry = entries.find((e) => e.name === name);
  const context = contextNamed(name);
  if (!entry || !context) {
    console.error(`usage: npm run start:subgraph -- <${CONTEXTS.map((c) => c.name).join('|')}>`);
    process.exit(2);
  }
  const config = getConfig();
  assertSubgraphSecretSet(config);
  const logger = createLogger(config.log.level, name);
  const identity =
    config.gateway.subgraphUrls.identity ?? entries.find((e) => e.name === 'identity')?.routingUrl;
  if (config.events.transport === 'in-process') {
    logger.warn(
      'Events stay inside this process: in services mode set EVENT_BUS=redis (with REDIS_URL) or KAFKA_BROKERS.',
    );
  }
  const bus = createEventBus(config, { logger });
  const server = await startContext(context, {
    bus,
    config,
    database: resolveDatabaseTarget(name, config),
    host: config.http.host,
    port: config.http.port ?? Number(new URL(entry.routingUrl).port),
    logger,
    jwksUrl: config.auth.jwksUrl ?? jwksUrlOf(identity ?? entry.routingUrl),
  });
  console.log(`Pulse subgraph ${name}: ${server.url}`);
  stopOnSignals(async () => {
    await server.stop();
    await bus.close();
  }, logger);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
