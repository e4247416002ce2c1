/**
 * The keys subscriptions are cached and shared by: a query plan per operation text and name, and one
 * upstream subscription per operation, variables and caller identity.
 */
import { createHash } from 'node:crypto';

/** Plans depend only on the operation: its text and the operation picked by name. */
export function planCacheKey(query: string, operationName: string | null | undefined): string {
  return digest([query, operationName ?? null]);
}

/** Who an upstream subscription acts for: the verified user, or anyone anonymous. */
export function identityScope(userId: string | null | undefined): string {
  return userId ? `user:${userId}` : 'anonymous';
}

/**
 * Identical client subscriptions share one upstream: same operation text and name, same variables
 * (whatever the order of their keys), and the same identity scope.
 */
export function upstreamKey(request: {
  query: string;
  operationName?: string | null;
  variables?: Readonly<Record<string, unknown>> | null;
  scope: string;
}): string {
  return digest([
    request.query,
    request.operationName ?? null,
    canonicalJson(request.variables ?? {}),
    request.scope,
  ]);
}

/** JSON with object keys sorted at every depth, so that equal values give equal strings. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

function digest(parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}
