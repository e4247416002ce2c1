/**
 * Asks identity whether a partner API key is valid (`POST /internal/partner-keys/verify`), caching each
 * answer for at most `cacheSeconds` (≤ 30): a revoked key is refused within that time. Keys are cached by
 * their SHA-256 hash; concurrent checks of one key share one request.
 */
import { createHash } from 'node:crypto';

export type PartnerKeyVerdict = { valid: false } | { valid: true; partnerId: string; name: string };

export interface PartnerKeyVerifier {
  verify(key: string): Promise<PartnerKeyVerdict>;
}

const MAX_CACHED_KEYS = 10_000;

function parseVerdict(body: unknown): PartnerKeyVerdict {
  const b = body as Partial<{ valid: boolean; partnerId: string; name: string }> | null;
  if (b?.valid === false) return { valid: false };
  if (b?.valid === true && typeof b.partnerId === 'string' && typeof b.name === 'string') {
    return { valid: true, partnerId: b.partnerId, name: b.name };
  }
  throw new Error('identity answered the partner key check with an unexpected body');
}

export function createPartnerKeyVerifier(options: {
  /** identity's verification endpoint. */
  verifyUrl: string;
  cacheSeconds: number;
  now?: () => number;
  fetch?: typeof fetch;
}): PartnerKeyVerifier {
  const now = options.now ?? Date.now;
  const send = options.fetch ?? fetch;
  const cache = new Map<string, { expiresAt: number; verdict: Promise<PartnerKeyVerdict> }>();

  const ask = async (key: string): Promise<PartnerKeyVerdict> => {
    const response = await send(options.verifyUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key }),
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) throw new Error(`identity answered the partner key check with HTTP ${response.status}`);
    return parseVerdict(await response.json());
  };

  return {
    verify(key) {
      if (options.cacheSeconds <= 0) return ask(key);
      const id = createHash('sha256').update(key).digest('hex');
      const cached = cache.get(id);
      if (cached && cached.expiresAt > now()) return cached.verdict;
      cache.delete(id);
      if (cache.size >= MAX_CACHED_KEYS) cache.delete(cache.keys().next().value!);
      const verdict = ask(key);
      cache.set(id, { expiresAt: now() + options.cacheSeconds * 1000, verdict });
      // A failed check is not an answer: the next request asks again.
      verdict.catch(() => cache.delete(id));
      return verdict;
    },
  };
}
