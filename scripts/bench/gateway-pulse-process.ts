/**
 * Child process of `npm run bench:gateway`: Pulse's gateway as `startGateway` builds it, with every feature
 * its production configuration turns on, in front of the benchmark's subgraphs. The rate limiters run, with
 * limits the load never reaches: the benchmark measures serving, not refusing.
 */
import { pino } from 'pino';
import { createJwtVerifier, remoteJwks, type TokenVerifier } from '../../lib/auth/jwt-verifier';
import { loadConfig } from '../../lib/config/config';
import { UnauthenticatedError } from '../../lib/errors/domain-error';
import { startGateway } from '../../gateway/src/gateway-server';
import { loadSupergraph } from '../../gateway/src/supergraph-file';
import { runAsChild } from './gateway-child';
import type { GatewayInfo, GatewayInput } from './gateway-input';

/** An anonymous workload's gateway has no keys: as `npm run start:gateway` without any, it refuses tokens. */
const noTokens: TokenVerifier = {
  verify: () => Promise.reject(new UnauthenticatedError('This benchmark gateway verifies no access tokens.')),
};

runAsChild<GatewayInput, GatewayInfo>(async ({ supergraphPath, subgraphUrls, pulse, dedup, env }) => {
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    GATEWAY_RATE_LIMIT_USER: '9999999/1',
    GATEWAY_RATE_LIMIT_IP: '9999999/1',
    GATEWAY_DEDUP: String(dedup ?? true),
    SUBGRAPH_SECRET: pulse?.subgraphSecret,
    ...env,
  });
  const gateway = await startGateway({
    config,
    supergraph: loadSupergraph(supergraphPath, subgraphUrls),
    routes: [],
    verifier: pulse
      ? createJwtVerifier({
          keys: remoteJwks(pulse.jwksUrl),
          issuer: config.auth.issuer,
          audience: config.auth.audience,
        })
      : noTokens,
    host: '127.0.0.1',
    publicHost: '127.0.0.1',
    port: 0,
    logger: pino({ level: 'warn' }),
  });
  return { info: { url: gateway.url }, stop: gateway.stop };
});
