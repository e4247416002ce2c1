/**
 * The steps both workloads of `npm run bench:gateway` take with their gateways: start each in its own
 * child process, check that every one answers the right data (and remember the exact bodies it gave),
 * then measure them one at a time under the same load, with the CPU time of the gateway, the subgraphs
 * and the load generator (this process).
 */
import { startChild, type Child } from './gateway-child';
import type { GatewayInfo, GatewayInput } from './gateway-input';
import { measureLoad, type LoadOptions } from './gateway-load';
import { gatewayNodeFlags } from './gateway-node-flags';
import { dataOf, postGraphql } from './gateway-query';
import type { Outcome } from './gateway-report';
import { waitUntilIdle } from './process-cpu';

/** The flags of `npm run bench:gateway` a workload reads. */
export interface WorkloadOptions {
  seconds: number;
  warmupSeconds: number;
  /** Unset: the workload's own default. */
  connections?: number;
  /** Node options of Pulse's gateway processes (--cpu-prof with --profile). */
  pulseExecArgv: string[];
}

export interface GatewaySpec {
  /** The child process's file under scripts/bench/. */
  file: string;
  input: GatewayInput;
  execArgv?: string[];
}

/** Pulse's gateway process, with the Node.js flags `npm run start:gateway` gives it (and `execArgv`). */
export function pulseGatewaySpec(input: GatewayInput, execArgv: string[] = []): GatewaySpec {
  return { file: 'gateway-pulse-process.ts', input, execArgv: [...gatewayNodeFlags(), ...execArgv] };
}

export interface StartedGateways {
  urls: Record<string, string>;
  pids: Record<string, number>;
  /** Why a gateway is not measured (it did not start). */
  notMeasured: Record<string, string>;
}

/** Sorted keys: the same data from two gateways compares equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** Starts every gateway (adding it to `children`, which the caller stops); one that fails is not measured. */
export async function startGateways(
  specs: Record<string, GatewaySpec>,
  children: Child<unknown>[],
): Promise<StartedGateways> {
  const started: StartedGateways = { urls: {}, pids: {}, notMeasured: {} };
  for (const [name, { file, input, execArgv }] of Object.entries(specs)) {
    try {
      const child = await startChild<GatewayInfo>(file, input, { execArgv, timeoutMs: 60_000 });
      children.push(child);
      started.urls[name] = child.info.url;
      started.pids[name] = child.pid;
    } catch (error) {
      started.notMeasured[name] = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
    }
  }
  return started;
}

/**
 * Sends every body to every gateway; returns, per gateway, the exact answer bodies it gave (the load run
 * counts any other body as wrong). Every answer's data must be `expected`; without `expected`, the first
 * gateway's (after `checkFirst`) is what every other must give. A gateway answering otherwise is not
 * measured: it moves from `gateways.urls` to `gateways.notMeasured`, and its error is returned.
 */
export async function checkAnswers(options: {
  gateways: StartedGateways;
  bodies: string[];
  token?: string;
  expected?: unknown;
  checkFirst?: (data: unknown) => void;
}): Promise<{ accepted: Record<string, Set<string>>; wrong: string[] }> {
  const { urls, notMeasured } = options.gateways;
  const accepted: Record<string, Set<string>> = {};
  const wrong: string[] = [];
  let reference = options.expected === undefined ? undefined : canonical(options.expected);
  let referenceName = 'the reference answer';
  for (const [name, url] of Object.entries(urls)) {
    let mine: string | undefined;
    accepted[name] = new Set();
    try {
      for (const payload of options.bodies) {
        const { status, body } = await postGraphql(url, payload, options.token);
        const data = dataOf(name, status, body);
        if (reference === undefined && mine === undefined) {
          options.checkFirst?.(data);
          mine = canonical(data);
        } else if (canonical(data) !== (reference ?? mine)) {
          throw new Error(`${name} answers other data than ${referenceName}: ${body.slice(0, 500)}`);
        }
        accepted[name].add(body);
      }
      if (mine !== undefined) [reference, referenceName] = [mine, name];
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      wrong.push(message);
      delete urls[name];
      notMeasured[name] = `wrong answer (${message.slice(0, 120)}…)`;
    }
  }
  return { accepted, wrong };
}

export type SharedLoad = Omit<LoadOptions, 'url' | 'isCorrect' | 'cpuPids' | 'cpuCores'>;

/**
 * Measures the named gateways one at a time under `load`; the others wait idle, and the next one starts
 * only once the last has finished what its abandoned requests left. The subgraphs (`subgraphsPid`) and
 * the load generator (this process) are measured with each, `cores` the cores they are pinned to, if they
 * are (so that anything else busy on them shows).
 */
export async function measureGateways(options: {
  names: string[];
  gateways: StartedGateways;
  accepted: Record<string, Set<string>>;
  load: SharedLoad;
  subgraphsPid: number;
  /** Cores measured with each, when processes are pinned: 'gateway core', 'load core'. */
  cores?: Record<string, number>;
}): Promise<Record<string, Outcome>> {
  const outcomes: Record<string, Outcome> = {};
  for (const name of options.names) {
    const url = options.gateways.urls[name];
    if (!url) {
      outcomes[name] = { notMeasured: options.gateways.notMeasured[name] ?? 'did not start' };
      continue;
    }
    const figures = await measureLoad({
      ...options.load,
      url,
      isCorrect: (body) => options.accepted[name]!.has(body),
      cpuPids: {
        gateway: options.gateways.pids[name]!,
        subgraphs: options.subgraphsPid,
        'load generator': process.pid,
      },
      cpuCores: options.cores,
    });
    outcomes[name] = { figures };
    await waitUntilIdle(options.gateways.pids[name]!);
  }
  return outcomes;
}
