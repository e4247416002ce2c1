/**
 * Child process of `npm run bench:gateway`: Pulse's gateway as `startGateway` builds it, with every feature
 * its production configuration turns on, in front of the benchmark's subgraphs.
 */
import { pino } from 'pino';
import { createJwtVerifier, remoteJwks } from '../../lib/auth/jwt-verifier';
import { loadConfig } from '../../lib/config/config';
import { startGateway } from '../../gateway/src/gateway-server';
import { loadSupergraph } from '../../gateway/src/supergraph-file';
import { runAsChild } from './gateway-child';
import type { GatewayInfo, GatewayInput } from './gateway-input';
import { SUPERGRAPH_PATH } from './gateway-supergraph';

runAsChild<GatewayInput, GatewayInfo>(async ({ subgraphUrls, jwksUrl, subgraphSecret, dedup }) => {
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    // The rate limiters run, with limits the load never reaches: the benchmark measures serving, not refusing.
    GATEWAY_RATE_LIMIT_USER: '9999999/1',
    GATEWAY_RATE_LIMIT_IP: '9999999/1',
    GATEWAY_DEDUP: String(dedup ?? true),
    SUBGRAPH_SECRET: subgraphSecret,
  });
  const gateway = await startGateway({
    config,
    supergraph: loadSupergraph(SUPERGRAPH_PATH, subgraphUrls),
    routes: [],
    verifier: createJwtVerifier({
      keys: remoteJwks(jwksUrl),
      issuer: config.auth.issuer,
      audience: config.auth.audience,
    }),
    host: '127.0.0.1',
    publicHost: '127.0.0.1',
    port: 0,
    logger: pino({ level: 'warn' }),
  });
  return { info: { url: gateway.url }, stop: gateway.stop };
});
