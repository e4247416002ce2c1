/**
 * For the gateway's integration tests: the gateway alone on a free port in front of stand-in subgraphs,
 * verifying tokens against a given JWKS (port 9, closed, when a test needs none), and a throw-away key that
 * signs the tokens it accepts.
 */
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { pino } from 'pino';
import { createJwtVerifier, remoteJwks } from '../../lib/auth/jwt-verifier';
import { loadConfig } from '../../lib/config/config';
import type { GatewayHttpRoute } from '../../lib/context/http-routes';
import { repoRoot } from '../../lib/paths';
import { listenOn } from '../../lib/testing/listen';
import { startGateway, type RunningGateway } from './gateway-server';
import { loadSupergraph } from './supergraph-file';

const ISSUER = 'pulse-identity';
const AUDIENCE = 'pulse';

/** What a test token says; by default an ATHLETE's, issued now and valid for five minutes. */
export interface TestTokenClaims {
  roles?: string[];
  subject?: string;
  audience?: string;
  /** Epoch seconds (default now). */
  issuedAt?: number;
  /** Epoch seconds or a jose time span from now (default '5m'). */
  expiresAt?: number | string;
}

/** Signs a test token (see TestTokenClaims for the defaults). */
export type SignTestToken = (claims?: TestTokenClaims) => Promise<string>;

/**
 * A throw-away ES256 key: its public JWKS (for a stand-in's `/jwks.json`; see serveTestSigningKey) and
 * a signer of tokens with the issuer and audience the test gateway expects.
 */
export async function newTestSigningKey() {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'test', alg: 'ES256' }] };
  const sign: SignTestToken = ({
    roles = ['ATHLETE'],
    subject = '01a1fb5a-fdb9-7073-b8d6-1cd4878c2c91',
    audience = AUDIENCE,
    issuedAt,
    expiresAt = '5m',
  } = {}) =>
    new SignJWT({ roles })
      .setProtectedHeader({ alg: 'ES256', kid: 'test' })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setSubject(subject)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(privateKey);
  return { jwks, sign };
}

/** A throw-away key whose JWKS a server on a free loopback port answers with: `url` is its `/jwks.json`. */
export async function serveTestSigningKey() {
  const { jwks, sign } = await newTestSigningKey();
  const server = createServer((_req, res) =>
    res.setHeader('content-type', 'application/json').end(JSON.stringify(jwks)),
  );
  const url = `${await listenOn(server)}/jwks.json`;
  return { url, sign, close: () => closeServer(server) };
}

export type ServedTestKey = Awaited<ReturnType<typeof serveTestSigningKey>>;

/** Closes a stand-in server started by a test. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
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
      issuer: options.issuer ?? ISSUER,
      audience: options.audience ?? AUDIENCE,
    }),
    host: '127.0.0.1',
    publicHost: '127.0.0.1',
    port: 0,
    logger: pino({ level: 'silent' }),
  });
}
