/** Stores failed sign-in counts per normalised email. */
import type { ThrottleState } from './login-throttle';
import type { IdentityPrisma } from './identity.prisma';

export type LoginThrottleRepo = ReturnType<typeof createLoginThrottleRepo>;

export function createLoginThrottleRepo(prisma: IdentityPrisma) {
  return {
    get: (emailKey: string): Promise<ThrottleState | null> =>
      prisma.loginThrottle.findUnique({
        where: { emailKey },
        select: { failures: true, lastFailureAt: true, blockedUntil: true },
      }),
    save: async (emailKey: string, state: ThrottleState): Promise<void> => {
      await prisma.loginThrottle.upsert({
        where: { emailKey },
        create: { emailKey, ...state },
        update: state,
      });
    },
    clear: async (emailKey: string): Promise<void> => {
      await prisma.loginThrottle.deleteMany({ where: { emailKey } });
    },
  };
}
