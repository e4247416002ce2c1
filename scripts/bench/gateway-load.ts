/**
 * The load generator of `npm run bench:gateway`: autocannon 9's programmatic API (it ships no types; the
 * part used here is typed below), the same for every gateway, in the bench's own process. One continuous
 * run: the first `warmupSeconds` warm up, the next `seconds` are measured while the load goes on, so the
 * measured window starts and ends in steady state (a gateway still finishing the requests of an ended
 * warm-up would spend CPU the window does not owe it). Over the window it counts the responses, their
 * latencies and errors, the CPU time of the processes named in `cpuPids` and how busy the cores named in
 * `cpuCores` were (process-cpu.ts).
 */
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { measureCpu, type CpuUse } from './process-cpu';

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
  /** Seconds before a request counts as an error (and is abandoned). */
  timeout: number;
}

/** A running load: an event emitter that is also a promise of its (unused) summary. */
interface AutocannonInstance extends PromiseLike<unknown> {
  on(
    event: 'response',
    listener: (client: unknown, statusCode: number, bytes: number, ms: number) => void,
  ): void;
  on(event: 'reqError', listener: (error: Error) => void): void;
  stop(): void;
}

const autocannon = createRequire(__filename)('autocannon') as (
  options: AutocannonOptions,
) => AutocannonInstance;

export interface LoadOptions {
  url: string;
  /** An access token sent as `Authorization: Bearer …`; none: anonymous requests. */
  token?: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** The body each connection sends, by connection index. */
  bodyOf: (connection: number) => string;
  /** True when a response body is a correct answer. */
  isCorrect: (body: string) => boolean;
  /** Processes whose CPU time is measured over the measured window, by role ('gateway', 'subgraphs', …). */
  cpuPids: Record<string, number>;
  /** Cores whose busy time is measured over the measured window, by role ('gateway core' when pinned). */
  cpuCores?: Record<string, number>;
  /** The subgraphs' count of requests served so far, when they keep one. */
  subgraphRequestCount?: () => Promise<number>;
}

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses completed in the measured window, whatever their status. */
  requests: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  /** Answers whose body was not one of the expected answers (GraphQL errors, wrong data). */
  wrongBodies: number;
  /** Per role of `cpuPids` and `cpuCores`, over the measured window. */
  cpu: Record<string, CpuUse>;
  /** Requests the subgraphs served during the measured window, when they count them. */
  subgraphRequests?: number;
}

/** The value below which `share` of the sorted values lie (nearest rank). */
function percentile(sorted: number[], share: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]! : 0;
}

export async function measureLoad(options: LoadOptions): Promise<LoadFigures> {
  let measuring = false;
  const latencies: number[] = [];
  const counts = { requests: 0, errors: 0, non2xx: 0, wrongBodies: 0 };
  let next = 0;
  const load = autocannon({
    url: options.url,
    connections: options.connections,
    // Stopped once the window closes; the margin only keeps autocannon from ending first.
    duration: options.warmupSeconds + options.seconds + 5,
    method: 'POST',
    // k6's default (The Guild's load tool), not autocannon's 10 s: a slow answer is slow, not an error.
    timeout: 60,
    headers: {
      'content-type': 'application/json',
      ...(options.token && { authorization: `Bearer ${options.token}` }),
    },
    body: options.bodyOf(0),
    setupClient: (client) => client.setBody(options.bodyOf(next++)),
    verifyBody: (body) => {
      const correct = options.isCorrect(body);
      if (!correct && measuring) counts.wrongBodies += 1;
      return correct;
    },
  });
  load.on('response', (_client, statusCode, _bytes, ms) => {
    if (!measuring) return;
    counts.requests += 1;
    // As autocannon: latencies of 2xx answers only.
    if (statusCode >= 200 && statusCode < 300) latencies.push(ms);
    else counts.non2xx += 1;
  });
  load.on('reqError', () => {
    if (measuring) counts.errors += 1;
  });

  await sleep(options.warmupSeconds * 1000);
  const servedBefore = await options.subgraphRequestCount?.();
  const { cpu, result: wallMs } = await measureCpu(options.cpuPids, options.cpuCores ?? {}, async () => {
    const started = performance.now();
    measuring = true;
    await sleep(options.seconds * 1000);
    measuring = false;
    return performance.now() - started;
  });
  const servedAfter = await options.subgraphRequestCount?.();
  load.stop();
  await load;

  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: counts.requests / (wallMs / 1000),
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    ...counts,
    cpu,
    ...(servedBefore !== undefined &&
      servedAfter !== undefined && { subgraphRequests: servedAfter - servedBefore }),
  };
}
