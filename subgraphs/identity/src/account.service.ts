/** Registers accounts, reads them back, and decides which of their fields a viewer may read. */
import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../lib/auth/viewer';
import type { Clock } from '../../../lib/clock';
import type { InTransaction } from '../../../lib/db/unit-of-work';
import { BadUserInputError, ConflictError, UnauthenticatedError } from '../../../lib/errors/domain-error';
import { canonicalTimeZone } from '../../../lib/time-zone';
import { checkPasswordPolicy, normaliseDisplayName, normaliseEmail } from './credentials';
import type { IdentityRepos } from './identity.repos';
import type { PasswordHasher } from './password-hasher';
import { userEmailChanged, userRegistered, userUpdated } from './user.publish';
import type { SessionService } from './session.service';
import type { UserRecord, UserRepo } from './user.repo';

export type AccountService = ReturnType<typeof createAccountService>;

/** An account as the resolvers hold it; `callerIsOwner` marks the account of a sign-in payload. */
export type AccountView = UserRecord & { callerIsOwner?: boolean };

export function createAccountService(deps: {
  users: Pick<UserRepo, 'findById' | 'findByIds'>;
  inTransaction: InTransaction<Pick<IdentityRepos, 'users' | 'outbox'>>;
  hasher: PasswordHasher;
  sessions: SessionService;
  clock: Clock;
  /** Called after a commit that wrote events, so the relay publishes them without waiting. */
  published?: () => void;
  /** Emails (ADMIN_EMAILS) whose accounts get the ADMIN role at registration. */
  adminEmails?: readonly string[];
}) {
  const { users, inTransaction, hasher, sessions, clock } = deps;
  const adminEmails = new Set((deps.adminEmails ?? []).map((email) => email.normalize('NFC').toLowerCase()));
  // The sign-in payload's caller holds no access token yet, but it is the account's holder.
  const isOwner = (viewer: Viewer | null, user: AccountView) =>
    Boolean(user.callerIsOwner) || viewer?.userId === user.id;
  const isOwnerOrAdmin = (viewer: Viewer | null, user: AccountView) =>
    isOwner(viewer, user) || Boolean(viewer?.roles.includes('ADMIN'));

  /** The viewer's own account; UNAUTHENTICATED when the token outlived it. */
  async function me(viewer: Viewer): Promise<UserRecord> {
    const user = await users.findById(viewer.userId);
    if (!user) throw new UnauthenticatedError('The account of this access token no longer exists.');
    return user;
  }

  return {
    /**
     * Creates an athlete account (announcing it with identity.user.registered, and its email to the
     * notifications context with identity.user.email-changed) and signs it in. An email listed in
     * ADMIN_EMAILS gets the ADMIN role too.
     */
    async register(input: {
      email: string;
      password: string;
      displayName: string;
      timeZone?: string | null;
    }) {
      const email = normaliseEmail(input.email);
      checkPasswordPolicy(input.password, email);
      const displayName = normaliseDisplayName(input.displayName);
      const timeZone = checkedTimeZone(input.timeZone ?? 'UTC');
      const passwordHash = await hasher.hash(input.password);
      const id = uuidv7();
      const roles: UserRecord['roles'] = adminEmails.has(email) ? ['ATHLETE', 'ADMIN'] : ['ATHLETE'];
      const created = await inTransaction(async (tx) => {
        const user = await tx.users.create({ id, email, displayName, passwordHash, roles, timeZone });
        if (user === 'email-taken') {
          throw new ConflictError('An account with this email already exists: sign in instead.', {
            field: 'email',
          });
        }
        const now = clock.now();
        await tx.outbox.write([userRegistered(user, now), userEmailChanged(user, now)]);
        return user;
      });
      deps.published?.();
      return sessions.open(created);
    },

    me,

    findByIds: (ids: readonly string[]): Promise<UserRecord[]> => users.findByIds(ids),

    /** Sets the viewer's time zone, announcing it with identity.user.updated when it changed. */
    async setTimeZone(viewer: Viewer, name: string): Promise<UserRecord> {
      const timeZone = checkedTimeZone(name);
      const current = await me(viewer);
      if (current.timeZone === timeZone) return current;
      const updated = await inTransaction(async (tx) => {
        const user = await tx.users.setTimeZone(viewer.userId, timeZone);
        if (!user) throw new UnauthenticatedError('The account of this access token no longer exists.');
        await tx.outbox.write([userUpdated(user, clock.now())]);
        return user;
      });
      deps.published?.();
      return updated;
    },

    /**
     * What `viewer` may read of an account: the email only its holder; roles and the creation time its
     * holder and admins (roles would single out the admin accounts for anyone to target). Null: hidden.
     */
    seenBy: (viewer: Viewer | null, user: AccountView) => ({
      email: isOwner(viewer, user) ? user.email : null,
      roles: isOwnerOrAdmin(viewer, user) ? user.roles : null,
      createdAt: isOwnerOrAdmin(viewer, user) ? user.createdAt : null,
      timeZone: isOwner(viewer, user) ? user.timeZone : null,
    }),
  };
}

/** The canonical IANA name of `name`; BAD_USER_INPUT naming the field otherwise. */
function checkedTimeZone(name: string): string {
  const timeZone = canonicalTimeZone(name);
  if (!timeZone)
    throw new BadUserInputError(
      'timeZone',
      `timeZone must be an IANA time zone name such as Europe/Berlin or America/New_York; "${name.slice(0, 64)}" is not one.`,
    );
  return timeZone;
}
