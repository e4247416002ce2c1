/**
 * The gateway alone, serving any composed supergraph file: `runGateway` is called by the entry point
 * scripts/start-gateway.ts (`npm run start:gateway`), which passes the contexts' HTTP routes (the gateway
 * does not import the contexts).
 *   SUPERGRAPH_PATH=supergraph.graphql PORT=4000 JWKS_URL=http://localhost:4001/.well-known/jwks.json npm run start:gateway
 */
import '../../lib/runtime/require-supported-node';
import cluster from 'node:cluster';
import { resolve } from 'node:path';
import { createJwtVerifier, jwksUrlOf, remoteJwks, type TokenVerifier } from '../../lib/auth/jwt-verifier';
import { getConfig, type Config } from '../../lib/config/config';
import type { GatewayHttpRoute } from '../../lib/context/http-routes';
import { UnauthenticatedError } from '../../lib/errors/domain-error';
import { createLogger, type Logger } from '../../lib/logging/logger';
import { stopOnSignals } from '../../lib/server/shutdown';
import { assertSubgraphSecretSet } from '../../lib/server/subgraph-secret';
import { runGatewayCluster, workerCountOf } from './cluster';
import { startGateway } from './gateway-server';
import { loadSupergraph, type LoadedSupergraph } from './supergraph-file';

export interface RunGatewayOptions {
  /** The contexts' HTTP routes (scripts/contexts.ts); [] for a supergraph that has none. */
  routes: readonly GatewayHttpRoute[];
}

/**
 * Where access tokens are verified: JWKS_URL, else the identity subgraph's published keys. A supergraph with
 * neither (not Pulse's, or Pulse's without identity) is still served: anonymous operations work, and any
 * request that carries a token is refused with UNAUTHENTICATED, since a token nobody can check must not
 * pass (nor silently count as anonymous: the client would not learn why it was not signed in).
 */
function tokenVerifierFor(config: Config, supergraph: LoadedSupergraph, logger: Logger) {
  const identityUrl = supergraph.subgraphUrls.identity;
  const jwksUrl = config.auth.jwksUrl ?? (identityUrl ? jwksUrlOf(identityUrl) : null);
  if (!jwksUrl) {
    logger.info('no JWKS_URL and no identity subgraph: access tokens are refused, anonymous requests served');
    const verifier: TokenVerifier = {
      verify: async () => {
        throw new UnauthenticatedError(
          'This gateway cannot verify access tokens (it has no JWKS_URL and no identity subgraph): send the request without one.',
        );
      },
    };
    return { verifier, keys: 'none' };
  }
  const keys = remoteJwks(jwksUrl);
  const verifier = createJwtVerifier({ keys, issuer: config.auth.issuer, audience: config.auth.audience });
  return { verifier, keys: jwksUrl };
}

async function serve(options: RunGatewayOptions) {
  const config = getConfig();
  // The subgraphs of services mode answer entity fetches only with it.
  assertSubgraphSecretSet(config);
  const logger = createLogger(config.log.level, 'gateway');
  const supergraph = loadSupergraph(resolve(config.gateway.supergraphPath), config.gateway.subgraphUrls);
  const { verifier, keys } = tokenVerifierFor(config, supergraph, logger);
  const gateway = await startGateway({
    config,
    supergraph,
    routes: options.routes,
    verifier,
    host: config.http.host,
    publicHost: config.http.publicHost,
    port: config.http.port ?? 4000,
    logger,
  });
  console.log(`Pulse gateway: ${gateway.url} (supergraph ${config.gateway.supergraphPath}, keys ${keys})`);
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

/**
 * Runs the gateway until a signal stops it. GATEWAY_WORKERS > 1: this process is the primary (cluster.ts)
 * and every worker it forks runs the same entry script again, which lands here as a worker and serves.
 * Exits the process with 1 when it cannot start.
 */
export function runGateway(options: RunGatewayOptions): void {
  const start = async () => {
    const config = getConfig();
    const workers = workerCountOf(config.cluster.gatewayWorkers);
    if (cluster.isPrimary && workers > 1) {
      runGatewayCluster({ workers, logger: createLogger(config.log.level, 'gateway-primary') });
      return;
    }
    await serve(options);
  };
  start().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
