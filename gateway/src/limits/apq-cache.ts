/**
 * The cache of automatic persisted queries (hash → operation text): least recently used entries go first
 * once the texts stored reach `maxBytes`, so that clients registering ever new operations cannot grow
 * the gateway's memory.
 */
import type { PersistedQueryOptions } from '@apollo/server';

export type OperationTextCache = NonNullable<PersistedQueryOptions['cache']>;

interface Entry {
  value: string;
  bytes: number;
  expiresAt: number;
}

export function createApqCache(maxBytes: number, now: () => number = Date.now) {
  const entries = new Map<string, Entry>(); // insertion order = least recently used first
  let total = 0;
  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return false;
    entries.delete(key);
    total -= entry.bytes;
    return true;
  };
  const cache: OperationTextCache & { readonly bytes: number; readonly size: number } = {
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      remove(key);
      if (entry.expiresAt <= now()) return undefined;
      entries.set(key, entry);
      total += entry.bytes;
      return entry.value;
    },
    async set(key, value, options) {
      remove(key);
      const bytes = Buffer.byteLength(key) + Buffer.byteLength(value);
      if (bytes > maxBytes) return;
      const ttl = options?.ttl;
      entries.set(key, { value, bytes, expiresAt: ttl ? now() + ttl * 1000 : Infinity });
      total += bytes;
      for (const oldest of entries.keys()) {
        if (total <= maxBytes) break;
        remove(oldest);
      }
    },
    async delete(key) {
      return remove(key);
    },
    get bytes() {
      return total;
    },
    get size() {
      return entries.size;
    },
  };
  return cache;
}
