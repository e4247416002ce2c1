/**
 * HTTPS requests through a caller-chosen `https.Agent` (its CA, its keep-alive pool), for FCM and for
 * google-auth-library's token request. Node 20's global fetch cannot take an Agent (it wants an undici
 * dispatcher, and undici is not a dependency), and gaxios' own fallback (node-fetch 3) is an ES module
 * Jest cannot load: both go through node:https here.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { Agent, request } from 'node:https';

export interface HttpsAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface HttpsRequestOptions {
  method: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  agent?: Agent;
  /** Aborts the request (connect, send and answer) after this long. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** One request, one answer; rejects on network errors and timeouts, never on an HTTP status. */
export function httpsRequest(url: string | URL, options: HttpsRequestOptions): Promise<HttpsAnswer> {
  const signals = [options.signal, options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined];
  const signal = AbortSignal.any(signals.filter((s): s is AbortSignal => s !== undefined));
  return new Promise((resolve, reject) => {
    const outgoing = request(url, {
      method: options.method,
      headers: options.headers,
      agent: options.agent,
      signal,
    });
    outgoing.on('error', reject);
    outgoing.on('response', (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () =>
        resolve({
          status: incoming.statusCode ?? 0,
          headers: incoming.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    outgoing.end(options.body);
  });
}

/**
 * A `fetch` for gaxios' `fetchImplementation` option that goes through `agent`. gaxios hands it a URL and
 * fetch-style init (Headers, a URLSearchParams or string body, an abort signal for its `timeout`).
 */
export function fetchOverHttps(agent: Agent | undefined, timeoutMs: number) {
  return async (input: string | URL, init: RequestInit = {}): Promise<Response> => {
    // Request normalises the body and sets the matching content-type (form-encoded for URLSearchParams).
    const normalised = new Request(input, { method: init.method, headers: init.headers, body: init.body });
    const body = Buffer.from(await normalised.arrayBuffer());
    const answer = await httpsRequest(normalised.url, {
      method: normalised.method,
      headers: Object.fromEntries(normalised.headers),
      body: body.length > 0 ? body : undefined,
      agent,
      timeoutMs,
      signal: init.signal ?? undefined,
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      for (const one of Array.isArray(value) ? value : [value ?? '']) headers.append(name, one);
    }
    const empty = answer.status === 204 || answer.status === 304;
    return new Response(empty ? null : answer.body, { status: answer.status, headers });
  };
}
