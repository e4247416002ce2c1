/**
 * Workload 2 of `npm run bench:gateway`: the same nested federated query (gateway-query.ts) through Pulse's
 * gateway, a plain @apollo/gateway and Hive Gateway on Pulse's own supergraph, with seeded data, each
 * request carrying one athlete's access token. The subgraphs (the embedded platform, with PGlite or
 * DATABASE_URL) run in one child process and each gateway in its own; nothing is pinned. Every gateway's
 * answers are checked to be the same, seeded data before anything is measured, and every answer under
 * load is checked too. Two scenarios: every connection sending the identical request (which Pulse
 * deduplicates in flight), and every connection sending its own variable value (deduplication cannot help).
 */
import { startChild, type Child } from './gateway-child';
import type { GatewayInput } from './gateway-input';
import { bodyOf, IDENTICAL_FIRST } from './gateway-query';
import { formatScenario } from './gateway-report';
import { checkAnswers, measureGateways, pulseGatewaySpec, startGateways } from './gateway-runs';
import type { GatewaySpec, WorkloadOptions } from './gateway-runs';
import { seedAthletes, type SeededAthlete } from './gateway-seed';
import type { SubgraphsInfo } from './gateway-subgraphs-process';
import { SUPERGRAPH_PATH } from './gateway-supergraph';

const PULSE_DEFAULT_CONNECTIONS = 20;
const ATHLETES = 3;
const WORKOUTS_PER_ATHLETE = 6;
const PULSE = 'Pulse gateway';

function gatewaySpecs(input: GatewayInput, profileArgv: string[]): Record<string, GatewaySpec> {
  return {
    [PULSE]: pulseGatewaySpec(input, profileArgv),
    'Pulse, GATEWAY_DEDUP=false': pulseGatewaySpec({ ...input, dedup: false }),
    'plain @apollo/gateway': { file: 'gateway-apollo-process.ts', input },
    'Hive Gateway': { file: 'gateway-hive-process.ts', input },
  };
}

interface MeData {
  me: {
    displayName: string;
    workouts: { edges: { node: { athlete: { displayName: string }; gear: unknown[] } }[] };
    gear: { workoutCount: number }[];
  };
}

/** The seeded facts, so that "the same data from all of them" is also the right data. */
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

/** What Pulse's deduplication saved so far (warm-ups and checks included), from its /metrics. */
async function dedupCounters(graphqlUrl: string): Promise<string> {
  const metrics = await (await fetch(graphqlUrl.replace('/graphql', '/metrics'))).text();
  const counter = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(metrics)?.[1] ?? 0);
  return `${PULSE} so far: ${counter('pulse_gateway_dedup_joined_queries_total')} requests joined an identical one in flight, ${counter('pulse_gateway_dedup_shared_subgraph_fetches_total')} subgraph fetches shared`;
}

export async function runPulseWorkload(options: WorkloadOptions): Promise<string[]> {
  const connections = options.connections ?? PULSE_DEFAULT_CONNECTIONS;
  console.log(`\n== Workload 2: Pulse's own supergraph and data`);
  console.log(
    `load: autocannon ${connections} connections, ${options.warmupSeconds} s warm-up then ${options.seconds} s per gateway and scenario; nothing pinned`,
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
      supergraphPath: SUPERGRAPH_PATH,
      subgraphUrls: subgraphs.info.subgraphUrls,
      pulse: { jwksUrl: subgraphs.info.jwksUrl, subgraphSecret: subgraphs.info.subgraphSecret },
    };
    const specs = gatewaySpecs(input, options.pulseExecArgv);
    const gateways = await startGateways(specs, children);
    const firsts = [IDENTICAL_FIRST, ...Array.from({ length: connections }, (_, i) => IDENTICAL_FIRST + i)];
    const { accepted, wrong } = await checkAnswers({
      gateways,
      bodies: firsts.map(bodyOf),
      token: athlete.accessToken,
      checkFirst: (data) => checkSeededFacts(data, athlete),
    });
    console.log(
      `checked: ${Object.keys(gateways.urls).join(', ')} give the same, seeded data for all ${firsts.length} request bodies`,
    );
    for (const problem of wrong) console.log(`WRONG ANSWER, not measured: ${problem}`);

    const scenarios: { title: string; bodyOf: (connection: number) => string }[] = [
      {
        title: `Workload 2, scenario 1: every connection sends the identical request (first: ${IDENTICAL_FIRST}, one athlete's token)`,
        bodyOf: () => bodyOf(IDENTICAL_FIRST),
      },
      {
        title: `Workload 2, scenario 2: each connection sends its own variable value (first: ${IDENTICAL_FIRST}…${IDENTICAL_FIRST + connections - 1}; no two requests alike, so inbound deduplication cannot help; identical subgraph fetches inside them, such as the one for me, are still shared by Pulse and by Hive)`,
        bodyOf: (connection) => bodyOf(IDENTICAL_FIRST + (connection % connections)),
      },
    ];
    const others = Object.keys(specs).filter((name) => name !== PULSE);
    for (const scenario of scenarios) {
      const outcomes = await measureGateways({
        names: Object.keys(specs),
        gateways,
        accepted,
        load: {
          token: athlete.accessToken,
          connections,
          seconds: options.seconds,
          warmupSeconds: options.warmupSeconds,
          bodyOf: scenario.bodyOf,
        },
        subgraphsPid: subgraphs.pid,
      });
      console.log(
        formatScenario(
          { title: scenario.title, outcomes },
          others.map((name) => [PULSE, name]),
        ),
      );
      if (gateways.urls[PULSE]) console.log(await dedupCounters(gateways.urls[PULSE]));
    }
    return wrong;
  } finally {
    for (const child of children.reverse()) await child.stop();
  }
}
