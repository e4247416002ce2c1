/**
 * npm run bench:gateway [-- --seconds 10 --warmup 2 --connections 20 --profile]: the same nested federated
 * query through Pulse's gateway, a plain @apollo/gateway and Hive Gateway, under the same autocannon load.
 * The subgraphs run in one child process and each gateway in its own, so that no gateway shares its event
 * loop with the load generator (this process) or the subgraphs. Every gateway's answers are checked to be
 * the same data before anything is measured, and every answer under load is checked too. Two scenarios:
 * every connection sending the identical request (which Pulse deduplicates in flight), and every
 * connection sending its own variable value (deduplication cannot help). Prints figures; fails only on
 * errors, never on a figure. `--profile` writes a CPU profile of Pulse's gateway under .data/profiles/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../lib/paths';
import { startChild, type Child } from './bench/gateway-child';
import type { GatewayInfo, GatewayInput } from './bench/gateway-input';
import { measureLoad } from './bench/gateway-load';
import { bodyOf, dataOf, IDENTICAL_FIRST, postGraphql } from './bench/gateway-query';
import { formatScenario, machineInfo, type Outcome, type ScenarioResult } from './bench/gateway-report';
import { seedAthletes, type SeededAthlete } from './bench/gateway-seed';
import type { SubgraphsInfo } from './bench/gateway-subgraphs-process';

const ATHLETES = 3;
const WORKOUTS_PER_ATHLETE = 6;

const GATEWAYS: Record<string, { file: string; dedup?: boolean }> = {
  'Pulse gateway': { file: 'gateway-pulse-process.ts' },
  'Pulse, GATEWAY_DEDUP=false': { file: 'gateway-pulse-process.ts', dedup: false },
  'plain @apollo/gateway': { file: 'gateway-apollo-process.ts' },
  'Hive Gateway': { file: 'gateway-hive-process.ts' },
};
const PULSE = 'Pulse gateway';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '20' },
    profile: { type: 'boolean', default: false },
  },
});
const seconds = Number(args.seconds);
const warmupSeconds = Number(args.warmup);
const connections = Number(args.connections);

/** Sorted keys: the same data from two gateways compares equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

interface MeData {
  me: {
    displayName: string;
    workouts: { edges: { node: { athlete: { displayName: string }; gear: unknown[] } }[] };
    gear: { workoutCount: number }[];
  };
}

/** The seeded facts, so that "the same data from all three" is also the right data. */
function checkSeededFacts(data: unknown, athlete: SeededAthlete): void {
  const { me } = data as MeData;
  const edges = me.workouts.edges;
  const right =
    me.displayName === athlete.displayName &&
    edges.length === WORKOUTS_PER_ATHLETE &&
    edges.every((e) => e.node.athlete.displayName === athlete.displayName && e.node.gear.length === 2) &&
    me.gear.length === 2 &&
    me.gear.every((g) => g.workoutCount === WORKOUTS_PER_ATHLETE);
  if (!right) throw new Error(`The reference answer is not the seeded data: ${JSON.stringify(data)}`);
}

/**
 * Sends every body of both scenarios to every gateway; returns, per gateway, the exact answer bodies it
 * gave (the load run counts any other body as wrong). Throws unless every gateway gives Pulse's data.
 */
async function verifyAnswers(
  urls: Record<string, string>,
  athlete: SeededAthlete,
): Promise<Record<string, Set<string>>> {
  const bodies = [IDENTICAL_FIRST, ...Array.from({ length: connections }, (_, i) => IDENTICAL_FIRST + i)];
  const accepted: Record<string, Set<string>> = {};
  let reference: string | undefined;
  for (const [name, url] of Object.entries(urls)) {
    accepted[name] = new Set();
    for (const first of bodies) {
      const { status, body } = await postGraphql(url, bodyOf(first), athlete.accessToken);
      const data = dataOf(name, status, body);
      if (reference === undefined) {
        checkSeededFacts(data, athlete);
        reference = canonical(data);
      } else if (canonical(data) !== reference) {
        throw new Error(`${name} answers other data than ${PULSE}: ${body.slice(0, 500)}`);
      }
      accepted[name].add(body);
    }
  }
  return accepted;
}

/** What Pulse's deduplication saved so far (warm-ups and checks included), from its /metrics. */
async function dedupCounters(graphqlUrl: string): Promise<string> {
  const metrics = await (await fetch(graphqlUrl.replace('/graphql', '/metrics'))).text();
  const counter = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(metrics)?.[1] ?? 0);
  return `${PULSE} so far: ${counter('pulse_gateway_dedup_joined_queries_total')} requests joined an identical one in flight, ${counter('pulse_gateway_dedup_shared_subgraph_fetches_total')} subgraph fetches shared`;
}

async function main() {
  console.log(machineInfo());
  console.log(
    `load: autocannon ${connections} connections, ${warmupSeconds} s warm-up then ${seconds} s per gateway and scenario`,
  );
  console.log(
    'processes: this one runs the load generator; the subgraphs run in one child process; each gateway in its own child process (measured one at a time)',
  );
  const children: Child<unknown>[] = [];
  try {
    const subgraphs = await startChild<SubgraphsInfo>('gateway-subgraphs-process.ts', {});
    children.push(subgraphs);
    console.log(
      `subgraphs: ${Object.keys(subgraphs.info.subgraphUrls).join(', ')} on ${subgraphs.info.database}`,
    );
    const athletes = await seedAthletes(subgraphs.info.seedingGatewayUrl, {
      athletes: ATHLETES,
      workoutsPerAthlete: WORKOUTS_PER_ATHLETE,
    });
    const athlete = athletes[0]!;
    console.log(
      `seeded: ${ATHLETES} athletes × ${WORKOUTS_PER_ATHLETE} finished runs wearing 2 gear items each`,
    );

    const input: GatewayInput = {
      subgraphUrls: subgraphs.info.subgraphUrls,
      jwksUrl: subgraphs.info.jwksUrl,
      subgraphSecret: subgraphs.info.subgraphSecret,
    };
    const profileDir = join(repoRoot, '.data', 'profiles');
    if (args.profile) mkdirSync(profileDir, { recursive: true });
    const urls: Record<string, string> = {};
    const notMeasured: Record<string, string> = {};
    for (const [name, { file, dedup }] of Object.entries(GATEWAYS)) {
      try {
        const execArgv = args.profile && name === PULSE ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
        const child = await startChild<GatewayInfo>(
          file,
          { ...input, dedup },
          { execArgv, timeoutMs: 60_000 },
        );
        children.push(child);
        urls[name] = child.info.url;
      } catch (error) {
        notMeasured[name] = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
      }
    }
    const accepted = await verifyAnswers(urls, athlete);
    console.log(
      `checked: ${Object.keys(urls).join(', ')} give the same, seeded data for all ${connections + 1} request bodies`,
    );

    const scenarios: { title: string; bodyOf: (connection: number) => string }[] = [
      {
        title: `Scenario 1: every connection sends the identical request (first: ${IDENTICAL_FIRST}, one athlete's token)`,
        bodyOf: () => bodyOf(IDENTICAL_FIRST),
      },
      {
        title: `Scenario 2: each connection sends its own variable value (first: ${IDENTICAL_FIRST}…${IDENTICAL_FIRST + connections - 1}; no two requests alike, so inbound deduplication cannot help; identical subgraph fetches inside them, such as the one for me, are still shared by Pulse and by Hive)`,
        bodyOf: (connection) => bodyOf(IDENTICAL_FIRST + (connection % connections)),
      },
    ];
    for (const scenario of scenarios) {
      const result: ScenarioResult = { title: scenario.title, outcomes: {} };
      for (const name of Object.keys(GATEWAYS)) {
        const url = urls[name];
        if (!url) {
          result.outcomes[name] = { notMeasured: notMeasured[name] ?? 'did not start' } satisfies Outcome;
          continue;
        }
        const figures = await measureLoad({
          url,
          token: athlete.accessToken,
          connections,
          seconds,
          warmupSeconds,
          bodyOf: scenario.bodyOf,
          isCorrect: (body) => accepted[name]!.has(body),
        });
        result.outcomes[name] = { figures };
      }
      console.log(formatScenario(result, PULSE));
      if (urls[PULSE]) console.log(await dedupCounters(urls[PULSE]));
    }
    if (args.profile) console.log(`\nCPU profile of ${PULSE}: ${profileDir} (written when it stops)`);
  } finally {
    for (const child of children.reverse()) await child.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
