/**
 * Remembers the viewers of access tokens already verified, until each token's own expiry, so that a
 * client sending the same token with every request costs one signature check, not one per request.
 * Least recently used tokens are forgotten first once `maxEntries` are remembered.
 */
import type { Viewer } from './viewer';

export interface VerifiedTokenCache {
  /** The viewer of a token verified before and not yet expired at `nowSeconds`; null otherwise. */
  get(token: string, nowSeconds: number): Viewer | null;
  set(token: string, viewer: Viewer, expiresAtSeconds: number): void;
}

export function verifiedTokenCache(maxEntries: number): VerifiedTokenCache {
  const entries = new Map<string, { viewer: Viewer; expiresAt: number }>();
  return {
    get(token, nowSeconds) {
      const entry = entries.get(token);
      if (!entry) return null;
      entries.delete(token);
      // Same rule as the verifier: a token is expired from its `exp` second on.
      if (nowSeconds >= entry.expiresAt) return null;
      entries.set(token, entry); // most recently used last
      return { userId: entry.viewer.userId, roles: [...entry.viewer.roles] };
    },
    set(token, viewer, expiresAt) {
      if (maxEntries <= 0) return;
      entries.delete(token);
      entries.set(token, { viewer: { userId: viewer.userId, roles: [...viewer.roles] }, expiresAt });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
  };
}
