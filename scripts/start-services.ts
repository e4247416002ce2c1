/**
 * npm run start:services [-- --ephemeral-ports | --base-port <n>]: Pulse in services mode on this machine.
 * Every subgraph of supergraph.yaml and the gateway run as their own OS processes (`start:subgraph`,
 * `start:gateway` with GATEWAY_WORKERS, default 2) against PostgreSQL (DATABASE_URL, default the local
 * `pulse` database, created when missing), Redis (REDIS_URL, default the local one) and the event bus
 * EVENT_BUS=redis, sharing one SUBGRAPH_SECRET (generated unless set). identity starts first (the others
 * verify tokens with its keys), then the other subgraphs side by side, then the gateway. A process that
 * dies is restarted (scripts/services/supervisor.ts); SIGINT/SIGTERM stops the gateway, then the
 * subgraphs, and exits 0; a child that cannot start stops everything and exits 1 with its reason.
 * Ports: supergraph.yaml's and PORT (default 4000), or as the options say (scripts/services/ports.ts).
 */
import '../lib/runtime/require-supported-node';
import { jwksUrlOf } from '../lib/auth/jwt-verifier';
import { loadConfig } from '../lib/config/config';
import { repoRoot } from '../lib/paths';
import { SHUTDOWN_TIMEOUT_MS } from '../lib/server/shutdown';
import { readSupergraphConfig } from '../lib/supergraph-config';
import { gatewayEnv, publicOrigin, servicesSettings, subgraphEnv, SUBGRAPH_HOST } from './services/child-env';
import { checkRedis, ensureDatabase, redacted } from './services/infrastructure';
import { planPorts, portsOptionOf, PORTS_USAGE } from './services/ports';
import { supervise, type Supervised, type SupervisorOutput } from './services/supervisor';

const USAGE = `usage: npm run start:services [-- ${PORTS_USAGE}]`;
const NAME_WIDTH = 'notifications'.length;
/** The gateway's primary waits for its workers up to SHUTDOWN_TIMEOUT_MS + 2 s, then kills them. */
const GATEWAY_STOP_MS = SHUTDOWN_TIMEOUT_MS + 4_000;
const SUBGRAPH_STOP_MS = SHUTDOWN_TIMEOUT_MS + 2_000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const label = (text: string) => `  ${text.padEnd(22)}: `;

async function main() {
  const option = portsOptionOf(process.argv.slice(2));
  if (!option) {
    console.error(USAGE);
    process.exit(2);
  }
  const env = process.env;
  const since = performance.now();
  const settings = servicesSettings(env);
  const listed = readSupergraphConfig();
  // identity first: the others verify tokens with its keys.
  const entries = [...listed].sort((a, b) => Number(b.name === 'identity') - Number(a.name === 'identity'));
  const ports = await planPorts(option, listed, env.PORT);
  const gatewayPort = ports.gateway;
  // Every child parses the same variables: an invalid one is reported once, here, with all the others.
  loadConfig(subgraphEnv(env, settings, 'identity', { port: 0, jwksUrl: null, gatewayPort }));

  console.log(
    `Starting Pulse in services mode: identity, then ${entries.length - 1} more subgraphs side by side, ` +
      `then the gateway (GATEWAY_WORKERS=${settings.gatewayWorkers}), each its own process.`,
  );
  const created = await ensureDatabase(settings.databaseUrl);
  console.log(
    `${label('database')}${redacted(settings.databaseUrl)} (${settings.sources.database}${created ? '; created it' : ''})`,
  );
  await checkRedis(settings.redisUrl);
  console.log(`${label('redis')}${redacted(settings.redisUrl)} (${settings.sources.redis})`);
  const streams = settings.eventBus === 'redis' ? `Redis Streams on ${redacted(settings.redisUrl)} ` : '';
  console.log(`${label('events')}${streams}(EVENT_BUS=${settings.eventBus})`);
  console.log(`${label('subgraph secret')}${settings.sources.subgraphSecret}`);

  const children: Supervised[] = [];
  let stopping = false;
  const stopEverything = async (): Promise<boolean> => {
    const gateway = children.filter((c) => c.name === 'gateway');
    const subgraphs = children.filter((c) => c.name !== 'gateway');
    const gatewayStopped = await Promise.all(gateway.map((c) => c.stop(GATEWAY_STOP_MS)));
    const subgraphsStopped = await Promise.all(subgraphs.map((c) => c.stop(SUBGRAPH_STOP_MS)));
    return [...gatewayStopped, ...subgraphsStopped].every(Boolean);
  };
  const stopAndExit = (code: number) => {
    if (stopping) return;
    stopping = true;
    stopEverything().then(
      (clean) => {
        console.log(clean ? 'Pulse stopped.' : 'Pulse stopped (some processes had to be killed).');
        process.exit(clean ? code : 1);
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  const output: SupervisorOutput = {
    line: (name, text, stream) =>
      (stream === 'stderr' ? process.stderr : process.stdout).write(`${name.padEnd(NAME_WIDTH)} | ${text}\n`),
    say: (message) => console.log(message),
    giveUp: (name, reason) => {
      console.error(`${reason}: stopping everything.`);
      stopAndExit(1);
    },
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      // One Ctrl+C can arrive twice (the terminal's and the one tsx relays): repeats are ignored.
      if (!stopping) console.log(`${signal}: stopping the gateway, then the subgraphs.`);
      stopAndExit(0);
    });
  }
  // Whatever ends this process, its children (each in its own process group) do not outlive it.
  process.on('exit', () => children.forEach((child) => child.kill()));

  const startChild = (child: Supervised) => {
    children.push(child);
    return child.start();
  };
  const startSubgraph = (name: string, port: number, jwksUrl: string | null) =>
    startChild(
      supervise(
        {
          name,
          args: ['--import', 'tsx', 'scripts/start-subgraph.ts', name],
          cwd: repoRoot,
          env: subgraphEnv(env, settings, name, { port, jwksUrl, gatewayPort }),
          announces: new RegExp(`^Pulse subgraph ${name}: (\\S+)`),
          healthOf: (url) => new URL('/health', url).toString(),
        },
        output,
      ),
    );

  try {
    const [identity, ...others] = entries;
    if (identity?.name !== 'identity') throw new Error('supergraph.yaml lists no identity subgraph.');
    const identityUrl = await startSubgraph('identity', ports.subgraph('identity'), null);
    const jwksUrl = jwksUrlOf(identityUrl);
    const otherUrls = await Promise.all(
      others.map((entry) => startSubgraph(entry.name, ports.subgraph(entry.name), jwksUrl)),
    );
    const subgraphUrls = Object.fromEntries(
      entries.map((entry, i) => [entry.name, i === 0 ? identityUrl : otherUrls[i - 1]!]),
    );
    // The gateway listens on HOST (every interface by default); it is checked on loopback then.
    const host = !env.HOST || env.HOST === '0.0.0.0' || env.HOST === '::' ? SUBGRAPH_HOST : env.HOST;
    const gatewayUrl = await startChild(
      supervise(
        {
          name: 'gateway',
          args: ['--max-semi-space-size=64', '--import', 'tsx', 'scripts/start-gateway.ts'],
          cwd: repoRoot,
          env: gatewayEnv(env, settings, { port: gatewayPort, subgraphUrls, jwksUrl }),
          announces: /^Pulse gateway: (\S+)/,
          healthOf: (url) => `http://${host.includes(':') ? `[${host}]` : host}:${new URL(url).port}/health`,
        },
        output,
      ),
    );
    console.log(
      [
        '',
        `Pulse is up in services mode (${seconds(performance.now() - since)}).`,
        `${label('GraphQL endpoint')}${gatewayUrl}   (GATEWAY_WORKERS=${settings.gatewayWorkers} processes on one port)`,
        `${label('web app')}${publicOrigin(env, gatewayPort)}/`,
        ...children.map(
          (c) =>
            `${label(c.name === 'gateway' ? 'gateway' : `subgraph ${c.name}`)}${c.url()}   (pid ${c.pid()})`,
        ),
        'A process that dies is restarted. Press Ctrl+C to stop (the gateway first, then the subgraphs).',
        '',
      ].join('\n'),
    );
  } catch (error) {
    if (stopping) return;
    console.error(`Pulse could not start: ${error instanceof Error ? error.message : String(error)}`);
    stopAndExit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
