import type { Storage } from '@graphiql/toolkit';

/**
 * localStorage under a prefix of its own: the gateway's and the partner API's explorers share an origin
 * but not their tabs, queries or history.
 */
export function namespacedStorage(namespace: string, backing: globalThis.Storage = localStorage): Storage {
  const prefix = `${namespace}:`;
  const ownKeys = () =>
    Array.from({ length: backing.length }, (_, i) => backing.key(i)).filter(
      (key): key is string => key !== null && key.startsWith(prefix),
    );
  return {
    getItem: (key) => backing.getItem(prefix + key),
    setItem: (key, value) => backing.setItem(prefix + key, value),
    removeItem: (key) => backing.removeItem(prefix + key),
    clear: () => ownKeys().forEach((key) => backing.removeItem(key)),
    get length() {
      return ownKeys().length;
    },
  };
}
