/**
 * npm run bench:subscriptions: live workout progress delivered by the gateway's subscriptions (graphql-ws,
 * with `athlete { displayName }` resolved from identity for every event, and without) to 1 000 and then 10 000
 * concurrent subscribers spread over 100 workouts, against the same subscribers connected straight to the
 * training subgraph's graphql-ws (the baseline, measured in the same run). Prints events delivered per
 * second, p50/p99 latency from the figures' computation (`at`) to receipt, and the server process' memory
 * per subscriber. Runs the embedded platform on free ports with throw-away PGlite databases; the clients
 * run in a child process. It prints figures and fails only on errors, never on a figure.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { pino } from 'pino';
import { loadConfig } from '../lib/config/config';
import { metricsRegistry } from '../lib/metrics';
import { platformTestDatabases } from '../lib/testing/test-databases';
import type { ClientCommand, ClientReply, Subscriber } from './bench/subscription-clients';
import {
  httpUpload,
  ndjsonOf,
  registerAthlete,
  runningSamples,
  startWorkouts,
  type Gateway,
} from './bench/telemetry-client';
import { startPlatform } from './platform';

const WORKOUTS = 100;
const ATHLETES = 25;
/** `-- --subscribers 1000,10000 --paths gateway,direct` picks other sizes or one path. */
const option = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1]?.split(',') : undefined;
};
const SUBSCRIBER_COUNTS = option('subscribers')?.map(Number) ?? [1_000, 10_000];
type Path = 'gateway' | 'gateway-local' | 'direct';
const PATHS = (option('paths') ?? ['gateway', 'gateway-local', 'direct']) as Path[];
const PATH_NAMES: Record<Path, string> = {
  gateway: 'gateway, + identity per event',
  'gateway-local': 'gateway, training fields only',
  direct: 'training directly (baseline)',
};
const ROUNDS = 3;
const BATCH_SIZE = 60;
const STARTED_AT = Date.now() - 3_600_000;

const GATEWAY_QUERY = `subscription BenchProgress($workoutId: ID!) {
  workoutProgress(workoutId: $workoutId) { workoutId status sampleCount distanceMeters at athlete { displayName } }
}`;
// The training subgraph alone cannot resolve a display name (identity owns it): the baseline's selection,
// also sent through the gateway to separate its own cost from the identity fetch.
const DIRECT_QUERY = `subscription BenchProgress($workoutId: ID!) {
  workoutProgress(workoutId: $workoutId) { workoutId status sampleCount distanceMeters at athlete { id } }
}`;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Row {
  path: string;
  subscribers: number;
  upstreams: string;
  eventsPerSecond: number;
  p50: number;
  p99: number;
  heapKb: number;
  rssKb: number;
  reached: number;
  errors: number;
}

/** The client process, one command at a time. */
function startClients() {
  const child: ChildProcess = fork(join(__dirname, 'bench', 'subscription-clients.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const send = <T extends ClientReply['type']>(command: ClientCommand, expected: T) =>
    new Promise<Extract<ClientReply, { type: T }>>((resolve, reject) => {
      const onExit = (code: number) => reject(new Error(`the client process exited with ${code}`));
      child.once('exit', onExit);
      child.once('message', (message: ClientReply) => {
        child.off('exit', onExit);
        if (message.type === expected) resolve(message as Extract<ClientReply, { type: T }>);
        else reject(new Error(`expected ${expected} from the client process, got ${message.type}`));
      });
      child.send(command);
    });
  return { send, stop: () => child.kill() };
}

async function gaugeValue(name: string): Promise<number> {
  const metric = metricsRegistry.getSingleMetric(name);
  return metric ? ((await metric.get()).values[0]?.value ?? 0) : 0;
}

function memory() {
  gc();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed, rss };
}

async function main() {
  console.log(
    `machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, Node.js ${process.version}; ` +
      `PGlite, in-process pub/sub; ${WORKOUTS} workouts, ${ROUNDS} batches of ${BATCH_SIZE} samples each`,
  );
  const databases = platformTestDatabases('pglite');
  const platform = await startPlatform({
    config: loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' }),
    logger: pino({ level: 'silent' }),
    ephemeralPorts: true,
    databaseOf: databases.databaseOf,
  });
  const clients = startClients();
  try {
    const graphqlUrl = platform.gateway.url;
    const origin = new URL(graphqlUrl).origin;
    const trainingUrl = platform.subgraphs.find((s) => s.name === 'training')!.url;

    const athletes: Gateway[] = [];
    for (let i = 0; i < ATHLETES; i += 1) {
      athletes.push({ graphqlUrl, origin, token: await registerAthlete(graphqlUrl) });
    }
    // Every measurement gets fresh workouts (4 per athlete, no samples yet): each has its own upstream,
    // its subscribers share it, and both paths start from the same state.
    const freshWorkouts = async () => {
      const workouts: { gateway: Gateway; workoutId: string }[] = [];
      for (const gateway of athletes) {
        for (const workoutId of await startWorkouts(gateway, WORKOUTS / ATHLETES, STARTED_AT)) {
          workouts.push({ gateway, workoutId });
        }
      }
      return workouts;
    };
    const samples = runningSamples(ROUNDS * BATCH_SIZE, STARTED_AT);

    const rows: Row[] = [];
    for (const subscribers of SUBSCRIBER_COUNTS) {
      for (const path of PATHS) {
        const workouts = await freshWorkouts();
        const list: Subscriber[] = Array.from({ length: subscribers }, (_, i) => {
          const { gateway, workoutId } = workouts[i % WORKOUTS]!;
          return { token: gateway.token, workoutId };
        });
        const before = memory();
        const opened = await clients.send(
          {
            type: 'open',
            url: (path === 'direct' ? trainingUrl : graphqlUrl).replace(/^http/, 'ws'),
            query: path === 'gateway' ? GATEWAY_QUERY : DIRECT_QUERY,
            subscribers: list,
          },
          'opened',
        );
        const after = memory();
        const upstreams =
          path === 'direct' ? '—' : String(await gaugeValue('pulse_gateway_subscription_upstreams'));

        await clients.send({ type: 'mark' }, 'marked');
        const publishedAt = Date.now();
        for (let round = 0; round < ROUNDS; round += 1) {
          const body = ndjsonOf(samples.slice(round * BATCH_SIZE, (round + 1) * BATCH_SIZE));
          await Promise.all(
            workouts.map(({ gateway, workoutId }) =>
              httpUpload(gateway, { workoutId, batchId: `b${round}` }, { body, gzip: false })(),
            ),
          );
        }
        const sampleCount = ROUNDS * BATCH_SIZE;
        const report = await clients.send({ type: 'expect', sampleCount, timeoutMs: 30_000 }, 'report');
        await clients.send({ type: 'close' }, 'closed');
        rows.push({
          path: PATH_NAMES[path],
          subscribers,
          upstreams,
          eventsPerSecond: report.events / Math.max(0.001, (report.lastReceipt - publishedAt) / 1000),
          p50: report.latencyMs.p50,
          p99: report.latencyMs.p99,
          heapKb: (after.heapUsed - before.heapUsed) / 1024 / subscribers,
          rssKb: (after.rss - before.rss) / 1024 / subscribers,
          reached: report.reached,
          errors: report.errors + opened.failed,
        });
        console.log(
          `  ${rows.at(-1)!.path}, ${subscribers} subscribers: connected in ${opened.seconds.toFixed(1)} s, ` +
            `${report.events} events measured`,
        );
        // Let the servers release the closed sockets before the next measurement.
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
    printTable(rows);
  } finally {
    clients.stop();
    await platform.stop();
    await databases.cleanup();
  }
}

function printTable(rows: Row[]) {
  const header = [
    'path',
    'subscribers',
    'upstreams',
    'events/s',
    '× baseline',
    'p50 ms',
    'p99 ms',
    'heap KB/sub',
    'RSS KB/sub',
    'up to date',
    'errors',
  ];
  const lines = rows.map((row) => {
    const baseline = rows.find((r) => r.subscribers === row.subscribers && r.path.startsWith('training'));
    return [
      row.path,
      String(row.subscribers),
      row.upstreams,
      row.eventsPerSecond.toFixed(0),
      baseline ? `${(row.eventsPerSecond / baseline.eventsPerSecond).toFixed(2)}×` : '',
      row.p50.toFixed(0),
      row.p99.toFixed(0),
      row.heapKb.toFixed(1),
      row.rssKb.toFixed(1),
      `${row.reached}/${row.subscribers}`,
      String(row.errors),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\n${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const line of lines) console.log(format(line));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
