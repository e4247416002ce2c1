/** The identity context's repositories, bound to one transaction (or to the client, for single statements). */
import { createOutboxWriter } from '../../../lib/events/outbox';
import type { IdentityTx } from './identity.prisma';
import { createLoginThrottleRepo } from './login-throttle.repo';
import { createPartnerApiKeyRepo } from './partner-api-key.repo';
import { createRefreshTokenRepo } from './refresh-token.repo';
import { createSigningKeyRepo } from './signing-key.repo';
import { createUserRepo } from './user.repo';

export type IdentityRepos = ReturnType<typeof identityRepos>;

export function identityRepos(tx: IdentityTx) {
  return {
    users: createUserRepo(tx),
    refreshTokens: createRefreshTokenRepo(tx),
    throttle: createLoginThrottleRepo(tx),
    signingKeys: createSigningKeyRepo(tx),
    partnerKeys: createPartnerApiKeyRepo(tx),
    outbox: createOutboxWriter(tx),
  };
}
