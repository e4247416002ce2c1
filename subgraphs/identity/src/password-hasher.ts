/** Password hashing with argon2id (@node-rs/argon2), OWASP's minimum parameters by default. */
import { hash, verify, type Algorithm } from '@node-rs/argon2';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** Spends the time of a real verification, so an unknown email answers as slowly as a known one. */
  verifyNothing(password: string): Promise<void>;
}

// Algorithm is a const enum, which isolated modules cannot read: 2 is its Argon2id member.
const ARGON2ID: Algorithm.Argon2id = 2;
const OWASP = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function createPasswordHasher(options: Partial<typeof OWASP> = {}): PasswordHasher {
  const params = { ...OWASP, ...options };
  let decoy: Promise<string> | undefined;
  return {
    hash: (password) => hash(password, params),
    verify: (stored, password) => verify(stored, password),
    async verifyNothing(password) {
      decoy ??= hash('decoy password, never matches', params);
      await verify(await decoy, password);
    },
  };
}
