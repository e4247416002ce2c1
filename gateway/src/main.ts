// npm run start:gateway: the gateway alone, serving any composed supergraph file.
//   SUPERGRAPH_PATH=supergraph.graphql PORT=4000 JWKS_URL=http://localhost:4001/.well-known/jwks.json npm run start:gateway
import '../../lib/runtime/require-supported-node';
import cluster from 'node:cluster';
import { resolve } from 'node:path';
import { createJwtVerifier, jwksUrlOf, remoteJwks } from '../../lib/auth/jwt-verifier';
import { getConfig } from '../../lib/config/config';
import { createLogger } from '../../lib/logging/logger';
import { stopOnSignals } from '../../lib/server/shutdown';
import { assertSubgraphSecretSet } from '../../lib/server/subgraph-secret';
import { runGatewayCluster, workerCountOf } from './cluster';
import { startGateway } from './gateway-server';
import { loadSupergraph } from './supergraph-file';

async function main() {
  const config = getConfig();
  // The subgraphs of services mode answer entity fetches only with it.
  assertSubgraphSecretSet(config);
  const logger = createLogger(config.log.level, 'gateway');
  const supergraph = loadSupergraph(resolve(config.gateway.supergraphPath), config.gateway.subgraphUrls);
  const identityUrl = supergraph.subgraphUrls.identity;
  if (!config.auth.jwksUrl && !identityUrl)
    throw new Error('Set JWKS_URL: this supergraph has no identity subgraph.');
  const jwksUrl = config.auth.jwksUrl ?? jwksUrlOf(identityUrl!);
  const gateway = await startGateway({
    config,
    supergraph,
    verifier: createJwtVerifier({
      keys: remoteJwks(jwksUrl),
      issuer: config.auth.issuer,
      audience: config.auth.audience,
    }),
    host: config.http.host,
    publicHost: config.http.publicHost,
    port: config.http.port ?? 4000,
    logger,
  });
  console.log(`Pulse gateway: ${gateway.url} (supergraph ${config.gateway.supergraphPath}, keys ${jwksUrl})`);
  stopOnSignals(gateway.stop, logger);
  // SIGHUP: serve the supergraph file again (after `npm run compose`), without a restart.
  process.on('SIGHUP', () => {
    const path = resolve(config.gateway.supergraphPath);
    Promise.resolve()
      .then(() => gateway.reload(loadSupergraph(path, config.gateway.subgraphUrls)))
      .catch((error: unknown) =>
        logger.error({ err: error, path }, 'supergraph reload failed; still serving the old one'),
      );
  });
}

// GATEWAY_WORKERS > 1: this process is the primary (cluster.ts) and every worker it forks runs main().
async function run() {
  const config = getConfig();
  const workers = workerCountOf(config.cluster.gatewayWorkers);
  if (cluster.isPrimary && workers > 1) {
    runGatewayCluster({ workers, logger: createLogger(config.log.level, 'gateway-primary') });
    return;
  }
  await main();
}

run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
