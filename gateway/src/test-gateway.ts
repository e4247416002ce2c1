/**
 * For the gateway's integration tests: the gateway alone on a free port in front of stand-in subgraphs,
 * verifying tokens against a given JWKS (port 9, closed, when a test needs none).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pino } from 'pino';
import { createJwtVerifier, remoteJwks } from '../../lib/auth/jwt-verifier';
import { loadConfig } from '../../lib/config/config';
import type { GatewayHttpRoute } from '../../lib/context/http-routes';
import { repoRoot } from '../../lib/paths';
import { startGateway, type RunningGateway } from './gateway-server';
import { loadSupergraph } from './supergraph-file';

/** Starts `server` on a free loopback port; resolves with its origin. */
export async function listenOn(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export function startTestGateway(options: {
  /** Where each subgraph of supergraph.graphql is reached (name → GraphQL URL). */
  subgraphUrls: Record<string, string>;
  /** The HTTP routes to serve (default none). */
  routes?: GatewayHttpRoute[];
  /** Configuration variables besides NODE_ENV=test and SANDBOX=false. */
  env?: Record<string, string>;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}): Promise<RunningGateway> {
  return startGateway({
    config: loadConfig({ NODE_ENV: 'test', SANDBOX: 'false', ...options.env }),
    supergraph: loadSupergraph(join(repoRoot, 'supergraph.graphql'), options.subgraphUrls),
    routes: options.routes ?? [],
    verifier: createJwtVerifier({
      keys: remoteJwks(options.jwksUrl ?? 'http://127.0.0.1:9/jwks.json'),
      issuer: options.issuer ?? 'pulse-identity',
      audience: options.audience ?? 'pulse',
    }),
    host: '127.0.0.1',
    publicHost: '127.0.0.1',
    port: 0,
    logger: pino({ level: 'silent' }),
  });
}
