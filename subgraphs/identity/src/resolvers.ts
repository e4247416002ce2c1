/** GraphQL adapters of the identity context: parse arguments, call one service method, map the result. */
import { requireViewer, type Viewer } from '../../../lib/auth/viewer';
import { UnauthenticatedError } from '../../../lib/errors/domain-error';
import { DateTime } from '../../../lib/graphql/scalars';
import type { Resolvers } from './__generated__/resolvers-types';
import type { AccountService } from './account.service';
import type { User } from './graphql-mappers';
import { partnerKeyPrefix } from './partner-api-key';
import type { PartnerApiKeyService } from './partner-api-key.service';
import type { SessionService } from './session.service';
import { createUserLoaders } from './user-loader';

const isOwner = (user: User, viewer: Viewer | null) =>
  Boolean(user.callerIsOwner) || viewer?.userId === user.id;
const isOwnerOrAdmin = (user: User, viewer: Viewer | null) =>
  isOwner(user, viewer) || Boolean(viewer?.roles.includes('ADMIN'));

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
      me: async (_root, _args, ctx) => {
        const user = await accounts.findById(requireViewer(ctx.viewer).userId);
        if (!user) throw new UnauthenticatedError('The account of this access token no longer exists.');
        return user;
      },
      partnerApiKeys: (_root, _args, ctx) => partnerKeys.list(requireViewer(ctx.viewer)),
    },
    Mutation: {
      register: (_root, args) => accounts.register(args),
      login: (_root, args, ctx) =>
        sessions.login(args.email, args.password, ctx.clientAddress ?? UNKNOWN_ADDRESS),
      refreshToken: (_root, args) => sessions.refresh(args.refreshToken),
      logout: (_root, args) => sessions.logout(args.refreshToken),
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
      email: (user, _args, ctx) => (isOwner(user, ctx.viewer) ? user.email : null),
      // Roles would single out the admin accounts for anyone to target.
      roles: (user, _args, ctx) => (isOwnerOrAdmin(user, ctx.viewer) ? user.roles : null),
      createdAt: (user, _args, ctx) => (isOwnerOrAdmin(user, ctx.viewer) ? user.createdAt : null),
    },
  };
}
