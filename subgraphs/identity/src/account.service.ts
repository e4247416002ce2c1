/** Registers accounts and reads them back. */
import { v7 as uuidv7 } from 'uuid';
import { ConflictError } from '../../../lib/errors/domain-error';
import { createEvent } from '../../../lib/events/envelope';
import { checkPasswordPolicy, normaliseDisplayName, normaliseEmail } from './credentials';
import type { PasswordHasher } from './password-hasher';
import type { SessionService } from './session.service';
import type { UserRecord, UserRepo } from './user.repo';

export type AccountService = ReturnType<typeof createAccountService>;

export function createAccountService(deps: {
  users: UserRepo;
  hasher: PasswordHasher;
  sessions: SessionService;
  /** Called after a commit that wrote events, so the relay publishes them without waiting. */
  published?: () => void;
  /** Emails (ADMIN_EMAILS) whose accounts get the ADMIN role at registration. */
  adminEmails?: readonly string[];
}) {
  const { users, hasher, sessions } = deps;
  const adminEmails = new Set((deps.adminEmails ?? []).map((email) => email.normalize('NFC').toLowerCase()));
  return {
    /**
     * Creates an athlete account (announcing it with identity.user.registered) and signs it in. An email
     * listed in ADMIN_EMAILS gets the ADMIN role too.
     */
    async register(input: { email: string; password: string; displayName: string }) {
      const email = normaliseEmail(input.email);
      checkPasswordPolicy(input.password, email);
      const displayName = normaliseDisplayName(input.displayName);
      const id = uuidv7();
      const registered = createEvent(
        'identity.user.registered',
        id,
        { userId: id, displayName, registeredAt: new Date().toISOString() },
        { actorId: id },
      );
      const created = await users.create(
        {
          id,
          email,
          displayName,
          passwordHash: await hasher.hash(input.password),
          roles: adminEmails.has(email) ? ['ATHLETE', 'ADMIN'] : ['ATHLETE'],
        },
        [registered],
      );
      if (created === 'email-taken') {
        throw new ConflictError('An account with this email already exists: sign in instead.', {
          field: 'email',
        });
      }
      deps.published?.();
      return sessions.open(created);
    },
    findById: (id: string): Promise<UserRecord | null> => users.findById(id),
    findByIds: (ids: readonly string[]): Promise<UserRecord[]> => users.findByIds(ids),
  };
}
