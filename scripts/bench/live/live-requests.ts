/**
 * bench:live's requests: one GraphQL POST, timed, with its outcome sorted into what the run counts (ok,
 * a GraphQL error by `extensions.code`, an HTTP status, a timeout of the client's patience) instead of
 * thrown; and the latency figures of many.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { FormattedExecutionResult } from 'graphql';
import { graphqlBody } from '../telemetry-client';

/** How long a client waits for an answer before it counts the request as timed out. */
export const CLIENT_TIMEOUT_MS = 30_000;

export type Outcome<R> = { ok: true; data: R; ms: number } | { ok: false; failure: string; ms: number };

export async function timedGraphql<R, V>(
  url: string,
  token: string | null,
  document: TypedDocumentNode<R, V> | string,
  variables?: V,
): Promise<Outcome<R>> {
  const body = typeof document === 'string' ? document : graphqlBody(document, variables as V);
  const started = performance.now();
  const ms = () => performance.now() - started;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body,
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    });
    const text = await response.text();
    const result = (text.startsWith('{') ? JSON.parse(text) : {}) as FormattedExecutionResult<R>;
    if (result.errors?.length) {
      const code = result.errors[0]!.extensions?.code;
      return {
        ok: false,
        failure: `${response.status} ${typeof code === 'string' ? code : 'error'}`,
        ms: ms(),
      };
    }
    if (!response.ok || !result.data) return { ok: false, failure: `HTTP ${response.status}`, ms: ms() };
    return { ok: true, data: result.data, ms: ms() };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return { ok: false, failure: timedOut ? 'timed out' : `network: ${(error as Error).message}`, ms: ms() };
  }
}

/** Latencies of one kind of request and what failed among them. */
export class LatencyRecord {
  readonly ms: number[] = [];
  readonly failures = new Map<string, number>();

  add(outcome: Outcome<unknown>): void {
    if (outcome.ok) this.ms.push(outcome.ms);
    else this.failures.set(outcome.failure, (this.failures.get(outcome.failure) ?? 0) + 1);
  }

  get failed(): number {
    return [...this.failures.values()].reduce((sum, n) => sum + n, 0);
  }

  percentile(p: number): number {
    if (this.ms.length === 0) return NaN;
    const sorted = [...this.ms].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  }

  describeFailures(): string {
    return [...this.failures].map(([what, n]) => `${n} ${what}`).join(', ');
  }
}
