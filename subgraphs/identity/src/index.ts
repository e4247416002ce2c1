/** Composition root of the identity subgraph: wires the real adapters and serves the schema. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { createJwtVerifier } from '../../../lib/auth/jwt-verifier';
import { openContextDatabase } from '../../../lib/db/context-database';
import { startSubgraphServer, type StartSubgraph } from '../../../lib/server/subgraph-server';
import { startContextEvents } from '../../../lib/events/context-events';
import { createAccessTokens } from './access-tokens';
import { createAccountService } from './account.service';
import { createIdentityPrisma } from './identity.prisma';
import { createLoginThrottleRepo } from './login-throttle.repo';
import { createPartnerApiKeyRepo } from './partner-api-key.repo';
import { createPartnerApiKeyService } from './partner-api-key.service';
import { mountPartnerKeyVerification } from './partner-keys.http';
import { createPasswordHasher } from './password-hasher';
import { createRefreshTokenRepo } from './refresh-token.repo';
import { createResolvers } from './resolvers';
import { createSessionService } from './session.service';
import { createSigningKeyRepo } from './signing-key.repo';
import { createUserRepo } from './user.repo';

export const typeDefs = parse(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));

export const startIdentitySubgraph: StartSubgraph = async (options) => {
  const { config, logger } = options;
  const db = await openContextDatabase({
    context: 'identity',
    target: options.database,
    createClient: createIdentityPrisma,
    logger,
  });
  const prisma = db.client;
  const accessTokens = await createAccessTokens(createSigningKeyRepo(prisma), {
    issuer: config.auth.issuer,
    audience: config.auth.audience,
    ttlSeconds: config.auth.accessTokenTtlSeconds,
  });
  const hasher = createPasswordHasher();
  const users = createUserRepo(prisma);
  const sessions = createSessionService({
    users,
    refreshTokens: createRefreshTokenRepo(prisma),
    throttle: createLoginThrottleRepo(prisma),
    hasher,
    accessTokens,
    refreshTokenTtlSeconds: config.auth.refreshTokenTtlSeconds,
    clock: { now: () => new Date() },
  });
  const events = await startContextEvents({
    context: 'identity',
    db: prisma,
    bus: options.bus,
    logger,
    publishes: true,
  });
  const accounts = createAccountService({
    users,
    hasher,
    sessions,
    published: events.notify,
    adminEmails: config.identity.adminEmails,
  });
  const partnerKeys = createPartnerApiKeyService({
    keys: createPartnerApiKeyRepo(prisma),
    clock: { now: () => new Date() },
  });

  return startSubgraphServer({
    name: 'identity',
    config,
    typeDefs,
    resolvers: createResolvers({ accounts, sessions, partnerKeys }),
    host: options.host,
    publicHost: config.http.publicHost,
    port: options.port,
    // Identity verifies its own tokens with the keys it holds: no HTTP round trip to itself.
    verifier: createJwtVerifier({
      keys: accessTokens.localKeySet(),
      issuer: config.auth.issuer,
      audience: config.auth.audience,
    }),
    logger: logger.child({ subgraph: 'identity' }),
    ready: db.ping,
    routes: (app) => {
      app.get('/.well-known/jwks.json', (_req, res) => {
        res.setHeader('cache-control', 'public, max-age=300');
        res.json(accessTokens.jwks());
      });
      mountPartnerKeyVerification(app, partnerKeys, logger.child({ subgraph: 'identity' }));
    },
    onStop: async () => {
      await events.stop();
      await db.close();
    },
  });
};
