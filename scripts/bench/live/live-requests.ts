/**
 * bench:live's requests: one GraphQL POST, timed, with its outcome sorted into what the run counts (ok,
 * a GraphQL error by `extensions.code`, an HTTP status, a timeout of the client's patience) instead of
 * thrown; and the latency figures of many.
 */
import { Agent, request as httpRequest } from 'node:http';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { FormattedExecutionResult } from 'graphql';
import { graphqlBody } from '../telemetry-client';

/** How long a client waits for an answer before it counts the request as timed out. */
export const CLIENT_TIMEOUT_MS = 30_000;

export type Outcome<R> = { ok: true; data: R; ms: number } | { ok: false; failure: string; ms: number };

/**
 * The phones' and readers' connections: node:http with keep-alive, not fetch, whose WHATWG streams cost
 * the load generator about twice the CPU per request — CPU taken from the platform it shares the machine with.
 */
const agent = new Agent({ keepAlive: true, maxSockets: 1024 });

/** POSTs `body` as JSON; resolves with the status and the answer's text. */
function post(url: string, token: string | null, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
        signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

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
    const response = await post(url, token, body);
    const result = (
      response.text.startsWith('{') ? JSON.parse(response.text) : {}
    ) as FormattedExecutionResult<R>;
    if (result.errors?.length) {
      const code = result.errors[0]!.extensions?.code;
      return {
        ok: false,
        failure: `${response.status} ${typeof code === 'string' ? code : 'error'}`,
        ms: ms(),
      };
    }
    if (response.status !== 200 || !result.data)
      return { ok: false, failure: `HTTP ${response.status}`, ms: ms() };
    return { ok: true, data: result.data, ms: ms() };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
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
