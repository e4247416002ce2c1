/** GraphQL adapters of the identity context: parse arguments, call one service method, map the result. */
import { requireViewer } from '../../../lib/auth/viewer';
import { DateTime } from '../../../lib/graphql/scalars';
import type { Resolvers } from './__generated__/resolvers-types';
import type { AccountService } from './account.service';
import { partnerKeyPrefix } from './partner-api-key';
import type { PartnerApiKeyService } from './partner-api-key.service';
import type { SessionService } from './session.service';
import { createUserLoaders } from './user-loader';

// Only WebSocket contexts lack an address, and login is no subscription: a fallback, never expected.
const UNKNOWN_ADDRESS = 'unknown';

export function createResolvers(deps: {
  accounts: AccountService;
  sessions: SessionService;
  partnerKeys: PartnerApiKeyService;
}): Resolvers {
  const { accounts, sessions, partnerKeys } = deps;
  const userLoader = createUserLoaders(accounts.findByIds);
  return {
    DateTime,
    Query: {
      me: (_root, _args, ctx) => accounts.me(requireViewer(ctx.viewer)),
      partnerApiKeys: (_root, _args, ctx) => partnerKeys.list(requireViewer(ctx.viewer)),
    },
    Mutation: {
      register: (_root, args) => accounts.register(args),
      login: (_root, args, ctx) =>
        sessions.login(args.email, args.password, ctx.clientAddress ?? UNKNOWN_ADDRESS),
      refreshToken: (_root, args) => sessions.refresh(args.refreshToken),
      logout: (_root, args) => sessions.logout(args.refreshToken),
      setTimeZone: (_root, args, ctx) => accounts.setTimeZone(requireViewer(ctx.viewer), args.timeZone),
      issuePartnerApiKey: (_root, args, ctx) => partnerKeys.issue(requireViewer(ctx.viewer), args.name),
      revokePartnerApiKey: (_root, args, ctx) => partnerKeys.revoke(requireViewer(ctx.viewer), args.id),
    },
    AuthPayload: {
      user: (session) => ({ ...session.user, callerIsOwner: true }),
    },
    PartnerApiKey: {
      prefix: (key) => partnerKeyPrefix(key.id),
      issuedBy: async (key, _args, ctx) => {
        const issuer = await userLoader(ctx).load(key.issuedById);
        if (!issuer) throw new Error(`The issuer ${key.issuedById} of partner API key ${key.id} is missing.`);
        return issuer;
      },
    },
    User: {
      __resolveReference: (ref, ctx) => userLoader(ctx).load(ref.id),
      email: (user, _args, ctx) => accounts.seenBy(ctx.viewer, user).email,
      roles: (user, _args, ctx) => accounts.seenBy(ctx.viewer, user).roles,
      createdAt: (user, _args, ctx) => accounts.seenBy(ctx.viewer, user).createdAt,
      timeZone: (user, _args, ctx) => accounts.seenBy(ctx.viewer, user).timeZone,
    },
  };
}
