/**
 * The load generator of `npm run bench:gateway`: autocannon 9's programmatic API (it ships no types; the
 * part used here is typed below), the same for every gateway.
 */
import { createRequire } from 'node:module';

interface Histogram {
  average: number;
  p50: number;
  p99: number;
}

interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
}

interface AutocannonClient {
  setBody(body: string): void;
}

interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  setupClient?: (client: AutocannonClient) => void;
  verifyBody?: (body: string) => boolean;
}

type Autocannon = (options: AutocannonOptions) => Promise<AutocannonResult>;

const autocannon = createRequire(__filename)('autocannon') as Autocannon;

export interface LoadOptions {
  url: string;
  token: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** The body each connection sends, by connection index. */
  bodyOf: (connection: number) => string;
  /** True when a response body is a correct answer. */
  isCorrect: (body: string) => boolean;
}

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  /** Answers with a 2xx status whose body was not the expected answer (GraphQL errors, wrong data). */
  wrongBodies: number;
}

async function run(options: LoadOptions, seconds: number): Promise<AutocannonResult> {
  let next = 0;
  return autocannon({
    url: options.url,
    connections: options.connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
    body: options.bodyOf(0),
    setupClient: (client) => client.setBody(options.bodyOf(next++)),
    verifyBody: options.isCorrect,
  });
}

/** A warm-up run (discarded), then the measured run. */
export async function measureLoad(options: LoadOptions): Promise<LoadFigures> {
  await run(options, options.warmupSeconds);
  const result = await run(options, options.seconds);
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    wrongBodies: result.mismatches,
  };
}
