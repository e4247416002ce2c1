// npm start: the whole platform on embedded defaults (PGlite under DATA_DIR): the contexts in this process,
// the gateway in a process of its own (scripts/gateway-process.ts), so that two cores serve.
// `npm start -- --ephemeral-ports`: the contexts on free loopback ports instead of supergraph.yaml's.
// `npm start -- --one-process`: the gateway in this process too (one core; what tests and benches run).
import '../lib/runtime/require-supported-node';
import { join } from 'node:path';
import { getConfig, type Config } from '../lib/config/config';
import { dataDirOf } from '../lib/db/database-target';
import type { EventBus } from '../lib/events/event-bus';
import { createLogger } from '../lib/logging/logger';
import { stopOnSignals } from '../lib/server/shutdown';
import { startGatewayProcess } from './gateway-process';
import { startContexts, startPlatform, type PlatformOptions } from './platform';

/** The contexts here, the gateway in its own process: what `npm start` runs, and how to stop it in order. */
async function startWithGatewayApart(
  options: PlatformOptions,
  onGatewayUp: (ms: number, pid?: number) => void,
) {
  const contexts = await startContexts(options);
  const since = performance.now();
  const gateway = await startGatewayProcess(contexts, (line) => console.log(line)).catch(async (error) => {
    await contexts.stop();
    throw error;
  });
  onGatewayUp(performance.now() - since, gateway.pid());
  return {
    ...contexts,
    gateway,
    // The gateway first: it finishes the requests in flight, which need the contexts.
    stop: async () => {
      await gateway.stop();
      await contexts.stop();
    },
  };
}

async function main() {
  const config = getConfig();
  const logger = createLogger(config.log.level);
  const since = performance.now();
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `Starting Pulse: ${config.data.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PostgreSQL under ${config.data.dir}/`}` +
      ' (the first start on a new data folder creates and migrates it: allow some seconds)',
  );
  const options: PlatformOptions = {
    config,
    logger,
    // Free ports for the contexts (the gateway's is PORT): a second platform beside one on the usual ports.
    ephemeralPorts: process.argv.includes('--ephemeral-ports'),
    eventsDir: join(dataDirOf(config), 'events'),
    onStarted: (part, ms) => console.log(`  ${part.padEnd(13)} up in ${seconds(ms)}`),
  };
  const platform = process.argv.includes('--one-process')
    ? await startPlatform(options)
    : await startWithGatewayApart(options, (ms, pid) =>
        console.log(`  ${'gateway'.padEnd(13)} up in ${seconds(ms)} (its own process, pid ${pid})`),
      );
  const label = (text: string) => `  ${text.padEnd(22)}: `;
  const { smtpUrl: mail, fcm } = config.notifications;
  const lines = [
    '',
    `Pulse is up (${seconds(performance.now() - since)}).`,
    `${label('web app')}${platform.gateway.url.replace('/graphql', '/')}   (open it in a browser; works offline)`,
    `${label('GraphQL endpoint')}${platform.gateway.url}${config.gateway.sandbox ? '   (Apollo Sandbox in a browser)' : ''}`,
    ...(config.gateway.sandbox
      ? [
          `${label('GraphQL explorer')}${platform.gateway.url.replace('/graphql', '/explorer')}   (works offline)`,
        ]
      : []),
    `${label('partner endpoint')}${platform.gateway.url.replace('/graphql', '/partner/graphql')}   (x-api-key)`,
    ...platform.subgraphs.map((s) => `${label(`subgraph ${s.name}`)}${s.url}`),
    `${label('health / ready')}${platform.gateway.url.replace('/graphql', '/health')}, ${platform.gateway.url.replace('/graphql', '/ready')}`,
    `${label('data')}${config.data.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite under ${config.data.dir}/`}`,
    `${label('events')}${eventsLine(platform.bus.kind, config)}`,
    `${label('notification mail')}${mail ? `SMTP at ${new URL(mail).host}` : `written as .eml files under ${config.data.dir}/mail/ (no SMTP_URL)`}`,
    `${label('notification push')}Web Push (VAPID)${fcm ? `, FCM project ${fcm.projectId}` : '; phones need FCM_PROJECT_ID and FCM_CREDENTIALS'}`,
    'Press Ctrl+C to stop.',
    '',
  ];
  console.log(lines.join('\n'));
  stopOnSignals(platform.stop, logger);
}

/** Where the events go, as the start-up summary says it. */
function eventsLine(kind: EventBus['kind'], config: Config): string {
  switch (kind) {
    case 'kafka':
      return `Kafka at ${config.events.kafkaBrokers?.join(', ')}`;
    case 'redis':
      // The host only: REDIS_URL may hold a password (and loadConfig refuses EVENT_BUS=redis without it).
      return `Redis Streams at ${new URL(config.redis.url!).host}`;
    case 'in-process':
      return `in-process, kept under ${config.data.dir}/events/`;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
