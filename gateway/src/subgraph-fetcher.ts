/**
 * How the gateway's data sources reach subgraphs over HTTP: Node's http/https clients on keep-alive agents
 * (one pool of reused connections per process, instead of @apollo/gateway's default make-fetch-happen),
 * reading each answer whole. Implements the `Fetcher` interface RemoteGraphQLDataSource expects.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Fetcher, FetcherHeaders, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { SERVER_KEEP_ALIVE_MS } from '../../lib/server/listen';

/**
 * An idle connection is closed by the gateway before the subgraph would close it (Node's Agent also
 * honours a shorter `Keep-Alive: timeout` the server announces), so a request is not sent onto a
 * connection the subgraph is closing.
 */
export const IDLE_CONNECTION_MS = SERVER_KEEP_ALIVE_MS - 5_000;
const agentOptions = { keepAlive: true, timeout: IDLE_CONNECTION_MS, maxSockets: 256 };
// LIFO: the connection used last is warm and least likely to have been closed by the subgraph.
const httpAgent = new HttpAgent({ ...agentOptions, scheduling: 'lifo' });
const httpsAgent = new HttpsAgent({ ...agentOptions, scheduling: 'lifo' });

/** The request did not reach the server: it went onto a kept-alive connection the server had closed. */
class StaleConnectionError extends Error {
  constructor(readonly original: Error) {
    super(original.message);
  }
}

/** A fully read answer: status, headers and body text. */
export interface RawAnswer {
  url: string;
  status: number;
  statusText: string;
  headers: [string, string][];
  text: string;
}

/**
 * Sends one request and reads its whole answer. One that failed on a reused connection before any byte
 * of answer came back is sent once more, on a new connection, mutations too: the subgraph did not get it
 * (it had closed that connection, e.g. while shutting down).
 */
export async function sendRaw(url: string, init: FetcherRequestInit = {}): Promise<RawAnswer> {
  try {
    return await sendOnce(url, init, true);
  } catch (error) {
    if (!(error instanceof StaleConnectionError)) throw error;
    try {
      return await sendOnce(url, init, false);
    } catch (retryError) {
      throw retryError instanceof StaleConnectionError ? retryError.original : retryError;
    }
  }
}

function sendOnce(url: string, init: FetcherRequestInit, pooled: boolean): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    const send = secure ? httpsRequest : httpRequest;
    const body = init.body;
    const headers: Record<string, string | number> = { ...init.headers };
    if (body !== undefined) headers['content-length'] = Buffer.byteLength(body);
    let answered = false;
    const req = send(
      target,
      {
        method: init.method ?? 'GET',
        headers,
        // `false`: a connection of its own, closed after the answer.
        agent: pooled ? (secure ? httpsAgent : httpAgent) : false,
        signal: init.signal,
      },
      (res: IncomingMessage) => {
        answered = true;
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
    req.on('error', (error: NodeJS.ErrnoException) => {
      const stale = req.reusedSocket && !answered && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
      reject(stale && !init.signal?.aborted ? new StaleConnectionError(error) : error);
    });
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

/**
 * An answer's headers as the Fetch API's Headers interface, over a Map (names in lower case): the Fetch
 * API's own class costs more to build than the whole rest of a response object, on every subgraph fetch.
 */
class AnswerHeaders implements FetcherHeaders {
  private readonly map = new Map<string, string>();

  constructor(pairs: [string, string][]) {
    for (const [name, value] of pairs) this.append(name, value);
  }

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const existing = this.map.get(key);
    this.map.set(key, existing === undefined ? value : `${existing}, ${value}`);
  }
  delete(name: string): void {
    this.map.delete(name.toLowerCase());
  }
  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }
  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }
  set(name: string, value: string): void {
    this.map.set(name.toLowerCase(), value);
  }
  entries(): IterableIterator<[string, string]> {
    return this.map.entries();
  }
  keys(): IterableIterator<string> {
    return this.map.keys();
  }
  values(): IterableIterator<string> {
    return this.map.values();
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.map.entries();
  }
}

/** A read answer as the Fetch API response a subgraph data source works with; each call parses anew. */
export function asFetcherResponse(answer: RawAnswer): FetcherResponse {
  const response: FetcherResponse = {
    bodyUsed: false,
    url: answer.url,
    redirected: false,
    status: answer.status,
    ok: answer.status >= 200 && answer.status < 300,
    statusText: answer.statusText,
    headers: new AnswerHeaders(answer.headers),
    arrayBuffer: async () => new TextEncoder().encode(answer.text).buffer,
    text: async () => answer.text,
    json: async () => JSON.parse(answer.text) as unknown,
    clone: () => asFetcherResponse(answer),
  };
  return response;
}

/** The keep-alive fetcher, without deduplication. */
export const keepAliveFetcher: Fetcher = async (url, init) => asFetcherResponse(await sendRaw(url, init));
