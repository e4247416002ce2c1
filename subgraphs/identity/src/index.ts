/** The identity context: accounts, sessions and the keys that sign access tokens; partner API keys. */
import { createJwtVerifier } from '../../../lib/auth/jwt-verifier';
import { defineContext, schemaBeside } from '../../../lib/context/context-descriptor';
import { inTransaction } from '../../../lib/db/unit-of-work';
import { createAccessTokens } from './access-tokens';
import { createAccountService } from './account.service';
import { createIdentityPrisma } from './identity.prisma';
import { identityRepos } from './identity.repos';
import { createPartnerApiKeyService } from './partner-api-key.service';
import { mountPartnerKeyVerification } from './partner-keys.http';
import { createPasswordHasher } from './password-hasher';
import { createResolvers } from './resolvers';
import { createSessionService } from './session.service';

export const identityContext = defineContext({
  name: 'identity',
  typeDefs: schemaBeside(__dirname),
  createClient: createIdentityPrisma,
  publishes: [
    'identity.user.registered',
    'identity.user.updated',
    'identity.user.email-changed',
    'identity.user.deleted',
  ],
  parts: async ({ db, config, clock, notify }) => {
    const repos = identityRepos(db);
    const transaction = inTransaction(db, identityRepos);
    const accessTokens = await createAccessTokens(repos.signingKeys, {
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      ttlSeconds: config.auth.accessTokenTtlSeconds,
    });
    const hasher = createPasswordHasher();
    const sessions = createSessionService({
      users: repos.users,
      refreshTokens: repos.refreshTokens,
      inTransaction: transaction,
      throttle: repos.throttle,
      hasher,
      accessTokens,
      refreshTokenTtlSeconds: config.auth.refreshTokenTtlSeconds,
      clock,
    });
    const accounts = createAccountService({
      users: repos.users,
      inTransaction: transaction,
      hasher,
      sessions,
      clock,
      published: notify,
      adminEmails: config.identity.adminEmails,
    });
    const partnerKeys = createPartnerApiKeyService({ keys: repos.partnerKeys, clock });
    return { accessTokens, sessions, accounts, partnerKeys };
  },
  resolvers: ({ accounts, sessions, partnerKeys }) => createResolvers({ accounts, sessions, partnerKeys }),
  // Identity verifies its own tokens with the keys it holds: no HTTP round trip to itself.
  verifier: ({ accessTokens }, { config }) =>
    createJwtVerifier({
      keys: accessTokens.localKeySet(),
      issuer: config.auth.issuer,
      audience: config.auth.audience,
    }),
  http: {
    routes: [],
    mount: (app, { accessTokens, partnerKeys }, { logger }) => {
      app.get('/.well-known/jwks.json', (_req, res) => {
        res.setHeader('cache-control', 'public, max-age=300');
        res.json(accessTokens.jwks());
      });
      mountPartnerKeyVerification(app, partnerKeys, logger);
    },
  },
});
