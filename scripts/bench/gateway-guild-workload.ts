/**
 * Workload 1 of `npm run bench:gateway`: The Guild's public federation gateway benchmark
 * (github.com/graphql-hive/graphql-gateways-benchmark, commit e583a1f). Its supergraph (guild/supergraph.graphql)
 * served by every gateway, its four subgraphs reproduced in Node in one child process, k6.js's TestQuery sent
 * anonymously by every connection (k6 runs 50 virtual users), and its CPU pinning (test.sh): each gateway
 * on core 1, the load generator (this process) and the subgraphs on core 0. Each gateway runs as its
 * makers publish it; they are measured in two groups, with and without deduplication of identical
 * inbound requests in flight. Before anything is measured, TestQuery's answer is computed without
 * federation (guild/reference.ts) and every gateway must give that data.
 */
import { GATEWAY_CORE, LOAD_CORE, Pinning } from './cpu-pinning';
import { startChild, type Child } from './gateway-child';
import type { GatewayInput } from './gateway-input';
import type { LoadFigures } from './gateway-load';
import { formatScenario } from './gateway-report';
import { checkAnswers, measureGateways, pulseGatewaySpec, startGateways } from './gateway-runs';
import type { GatewaySpec, WorkloadOptions } from './gateway-runs';
import { GUILD_SUPERGRAPH_PATH } from './gateway-supergraph';
import { checkGuildComposition } from './guild/composition-check';
import { guildReferenceData } from './guild/reference';
import { TEST_QUERY_BODY } from './guild/test-query';
import type { GuildSubgraphsInfo, GuildSubgraphStats } from './guild-subgraphs-process';

const GUILD_DEFAULT_CONNECTIONS = 50;

const HIVE = 'Hive Gateway';
const HIVE_OFF = 'Hive Gateway, dedup off';
const PULSE = 'Pulse gateway';
const PULSE_SUBGRAPH = 'Pulse, GATEWAY_DEDUP=subgraph';
const PULSE_OFF = 'Pulse, GATEWAY_DEDUP=false';
const APOLLO = 'plain @apollo/gateway';

/**
 * TestQuery's lists have no slicing argument, so Pulse's cost estimate sizes each at
 * GATEWAY_COST_DEFAULT_LIST_SIZE (20): about 1.7 million, over the default GATEWAY_MAX_COST (20 000). Its
 * depth (8), tokens and root fields are within Pulse's defaults, which stay.
 */
const PULSE_LIMITS = { GATEWAY_MAX_COST: '10000000' };

const SETUPS = [
  `gateways: ${HIVE}: createGatewayRuntime with --jit's plugin and inboundInflightRequestDeduplication: true (gateways/hive-gateway), ${HIVE_OFF} the same with it false;`,
  `  ${APOLLO}: new ApolloGateway({ supergraphSdl }) and startStandaloneServer, one process (gateways/apollo-gateway/index.ts);`,
  `  ${PULSE}: startGateway in its production configuration (and npm run start:gateway's Node.js flags), GATEWAY_MAX_COST=${PULSE_LIMITS.GATEWAY_MAX_COST}, rate limits on at 9999999/1 s; ${PULSE_SUBGRAPH} the same sharing only identical subgraph fetches in flight (as Hive Gateway's HTTP executor does by default, dedup on or off); ${PULSE_OFF} sharing nothing (as plain @apollo/gateway)`,
].join('\n');

const GROUPS: { title: string; names: string[]; comparisons: [string, string][] }[] = [
  {
    title: 'inbound dedup on (identical requests in flight answered once)',
    names: [HIVE, PULSE],
    comparisons: [[PULSE, HIVE]],
  },
  {
    title: 'no inbound dedup',
    names: [APOLLO, HIVE_OFF, PULSE_SUBGRAPH, PULSE_OFF],
    comparisons: [
      [PULSE_SUBGRAPH, HIVE_OFF],
      [PULSE_SUBGRAPH, APOLLO],
      [PULSE_OFF, HIVE_OFF],
      [PULSE_OFF, APOLLO],
    ],
  },
];

function gatewaySpecs(
  subgraphUrls: Record<string, string>,
  profileArgv: string[],
): Record<string, GatewaySpec> {
  const input: GatewayInput = { supergraphPath: GUILD_SUPERGRAPH_PATH, subgraphUrls };
  return {
    // gateways/hive-gateway: `hive-gateway supergraph supergraph.graphql --jit`, inboundInflightRequestDeduplication: true.
    [HIVE]: { file: 'gateway-hive-process.ts', input: { ...input, jit: true, dedup: true } },
    [PULSE]: pulseGatewaySpec({ ...input, env: PULSE_LIMITS }, profileArgv),
    // gateways/apollo-gateway/index.ts: new ApolloGateway({ supergraphSdl }), one process (no FORK).
    [APOLLO]: { file: 'gateway-apollo-process.ts', input },
    [HIVE_OFF]: { file: 'gateway-hive-process.ts', input: { ...input, jit: true, dedup: false } },
    [PULSE_SUBGRAPH]: pulseGatewaySpec({ ...input, env: { ...PULSE_LIMITS, GATEWAY_DEDUP: 'subgraph' } }),
    [PULSE_OFF]: pulseGatewaySpec({ ...input, env: PULSE_LIMITS, dedup: false }),
  };
}

async function subgraphStats(statsUrl: string): Promise<GuildSubgraphStats> {
  return (await (await fetch(statsUrl)).json()) as GuildSubgraphStats;
}

/** The share of core 0 that processes other than the subgraphs and the load generator used. */
function loadCoreOthers(f: LoadFigures): number | undefined {
  const core = f.cpu['load core'];
  if (!core) return undefined;
  return core.coreShare - (f.cpu.subgraphs?.coreShare ?? 0) - (f.cpu['load generator']?.coreShare ?? 0);
}

/** Whether the subgraphs (and the load generator beside them on core 0) could have limited a gateway. */
function loadSideSummary(runs: LoadFigures[], stats: GuildSubgraphStats): string {
  const most = (share: (f: LoadFigures) => number | undefined) =>
    `${Math.round(Math.max(0, ...runs.map((f) => share(f) ?? 0)) * 100)}%`;
  const subgraphs = most((f) => f.cpu.subgraphs?.coreShare);
  const loadSide = most((f) => (f.cpu.subgraphs?.coreShare ?? 0) + (f.cpu['load generator']?.coreShare ?? 0));
  const core0 = most((f) => f.cpu['load core']?.coreShare);
  const others = most(loadCoreOthers);
  const fetches = runs.reduce((sum, f) => sum + (f.subgraphRequests ?? 0), 0);
  const fetchUs =
    (runs.reduce((sum, f) => sum + (f.cpu.subgraphs?.ms ?? 0), 0) * 1000) / Math.max(fetches, 1);
  const executeMs = stats.executeMs / Math.max(stats.executed, 1);
  return [
    `subgraphs: at most ${subgraphs} of a core in any measured run; with the load generator at most ${loadSide} (core 0 at most ${core0} busy, other processes at most ${others} of it)`,
    `subgraphs: ${Math.round(fetchUs)} µs of CPU per fetch over all runs; ${stats.requests.toLocaleString('en-US')} fetches served, ${stats.executed} executed with graphql-js (each distinct body once, ${executeMs.toFixed(2)} ms on average), the rest answered from memory`,
  ].join('\n');
}

export async function runGuildWorkload(options: WorkloadOptions): Promise<string[]> {
  const connections = options.connections ?? GUILD_DEFAULT_CONNECTIONS;
  console.log(
    `\n== Workload 1: The Guild's federation gateway benchmark (github.com/graphql-hive/graphql-gateways-benchmark @ e583a1f)`,
  );
  console.log(
    `load: autocannon ${connections} connections all sending k6.js's TestQuery (anonymous, no variables), ${options.warmupSeconds} s warm-up then ${options.seconds} s per gateway`,
  );
  const reference = await guildReferenceData();
  checkGuildComposition(GUILD_SUPERGRAPH_PATH);
  console.log(
    "reference: TestQuery executed on one plain graphql-js schema over the same data agrees with k6.js's expected structure; the Node subgraphs compose to a supergraph planning TestQuery as the stored one",
  );
  const pinning = new Pinning();
  const children: Child<unknown>[] = [];
  try {
    const subgraphs = await startChild<GuildSubgraphsInfo>('guild-subgraphs-process.ts', {});
    children.push(subgraphs);
    pinning.pin(subgraphs.pid, LOAD_CORE);
    const gateways = await startGateways(
      gatewaySpecs(subgraphs.info.subgraphUrls, options.pulseExecArgv),
      children,
    );
    for (const pid of Object.values(gateways.pids)) pinning.pin(pid, GATEWAY_CORE);
    console.log(pinning.describe());
    console.log(SETUPS);
    // Thrice each: under load a gateway's every answer must be byte for byte one it gave here.
    const { accepted, wrong } = await checkAnswers({
      gateways,
      bodies: [TEST_QUERY_BODY, TEST_QUERY_BODY, TEST_QUERY_BODY],
      expected: reference,
    });
    console.log(`checked: ${Object.keys(gateways.urls).join(', ')} answer TestQuery with the reference data`);
    for (const problem of wrong) console.log(`WRONG ANSWER, not measured: ${problem}`);

    const measured: LoadFigures[] = [];
    for (const group of GROUPS) {
      const outcomes = await measureGateways({
        names: group.names,
        gateways,
        accepted,
        load: {
          connections,
          seconds: options.seconds,
          warmupSeconds: options.warmupSeconds,
          bodyOf: () => TEST_QUERY_BODY,
          subgraphRequestCount: async () => (await subgraphStats(subgraphs.info.statsUrl)).requests,
        },
        subgraphsPid: subgraphs.pid,
        cores: pinning.on ? { 'gateway core': GATEWAY_CORE, 'load core': LOAD_CORE } : {},
      });
      console.log(formatScenario({ title: `Workload 1, ${group.title}`, outcomes }, group.comparisons));
      measured.push(...Object.values(outcomes).flatMap((o) => ('figures' in o ? [o.figures] : [])));
    }
    console.log(loadSideSummary(measured, await subgraphStats(subgraphs.info.statsUrl)));
    return wrong;
  } finally {
    for (const child of children.reverse()) await child.stop();
    pinning.restore();
  }
}
