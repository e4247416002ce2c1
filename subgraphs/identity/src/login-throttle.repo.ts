/** Stores failed sign-in counts: per email, per (email, client address) and per client address. */
import type { ThrottleState } from './login-throttle';
import type { IdentityTx } from './identity.prisma';

/** Which counter: an email across addresses, an email from one address, or one address across emails. */
export type ThrottleKey =
  | { scope: 'account'; email: string }
  | { scope: 'pair'; email: string; address: string }
  | { scope: 'address'; address: string };

// Normalised emails always hold an '@', so '*' names no email.
const EVERY_EMAIL = '*';
const select = { failures: true, lastFailureAt: true, blockedUntil: true } as const;

export type LoginThrottleRepo = ReturnType<typeof createLoginThrottleRepo>;

export function createLoginThrottleRepo(db: IdentityTx) {
  const addressId = (key: Exclude<ThrottleKey, { scope: 'account' }>) => ({
    address: key.address,
    emailKey: key.scope === 'pair' ? key.email : EVERY_EMAIL,
  });
  return {
    get: (key: ThrottleKey): Promise<ThrottleState | null> =>
      key.scope === 'account'
        ? db.loginThrottle.findUnique({ where: { emailKey: key.email }, select })
        : db.loginAddressThrottle.findUnique({
            where: { address_emailKey: addressId(key) },
            select,
          }),
    save: async (key: ThrottleKey, state: ThrottleState): Promise<void> => {
      if (key.scope === 'account') {
        await db.loginThrottle.upsert({
          where: { emailKey: key.email },
          create: { emailKey: key.email, ...state },
          update: state,
        });
        return;
      }
      const id = addressId(key);
      await db.loginAddressThrottle.upsert({
        where: { address_emailKey: id },
        create: { ...id, ...state },
        update: state,
      });
    },
    clear: async (key: ThrottleKey): Promise<void> => {
      if (key.scope === 'account') await db.loginThrottle.deleteMany({ where: { emailKey: key.email } });
      else await db.loginAddressThrottle.deleteMany({ where: addressId(key) });
    },
  };
}
