/**
 * How the gateway's data sources reach subgraphs over HTTP: Node's http/https clients on keep-alive agents
 * (one pool of reused connections per process, instead of @apollo/gateway's default make-fetch-happen),
 * reading each answer whole. Implements the `Fetcher` interface RemoteGraphQLDataSource expects.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Fetcher, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';

// LIFO: the connection used last is warm and least likely to have been closed by the subgraph.
const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 256, scheduling: 'lifo' });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 256, scheduling: 'lifo' });

/** A fully read answer: status, headers and body text. */
export interface RawAnswer {
  url: string;
  status: number;
  statusText: string;
  headers: [string, string][];
  text: string;
}

/** Sends one request and reads its whole answer. */
export function sendRaw(url: string, init: FetcherRequestInit = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    const send = secure ? httpsRequest : httpRequest;
    const body = init.body;
    const headers: Record<string, string | number> = { ...init.headers };
    if (body !== undefined) headers['content-length'] = Buffer.byteLength(body);
    const req = send(
      target,
      { method: init.method ?? 'GET', headers, agent: secure ? httpsAgent : httpAgent, signal: init.signal },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            url,
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? '',
            headers: headerPairs(res),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function headerPairs(res: IncomingMessage): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < res.rawHeaders.length; i += 2) {
    pairs.push([res.rawHeaders[i]!.toLowerCase(), res.rawHeaders[i + 1]!]);
  }
  return pairs;
}

/** A read answer as the Fetch API response RemoteGraphQLDataSource works with; each call parses anew. */
export function asFetcherResponse(answer: RawAnswer): FetcherResponse {
  const response: FetcherResponse = {
    bodyUsed: false,
    url: answer.url,
    redirected: false,
    status: answer.status,
    ok: answer.status >= 200 && answer.status < 300,
    statusText: answer.statusText,
    headers: new Headers(answer.headers),
    arrayBuffer: async () => new TextEncoder().encode(answer.text).buffer,
    text: async () => answer.text,
    json: async () => JSON.parse(answer.text) as unknown,
    clone: () => asFetcherResponse(answer),
  };
  return response;
}

/** The keep-alive fetcher, without deduplication. */
export const keepAliveFetcher: Fetcher = async (url, init) => asFetcherResponse(await sendRaw(url, init));
