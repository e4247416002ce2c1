/**
 * The embedded platform: every context in this process (startContexts), with the gateway here too
 * (startPlatform: the end-to-end tests, the benches, `npm start -- --one-process`) or in a process of its
 * own (`npm start`: scripts/gateway-process.ts). Fixed ports from supergraph.yaml and data under DATA_DIR,
 * or free ports and throw-away databases (tests).
 */
import { join } from 'node:path';
import { createJwtVerifier, jwksUrlOf, remoteJwks } from '../lib/auth/jwt-verifier';
import type { Config } from '../lib/config/config';
import { resolveDatabaseTarget, type DatabaseTarget } from '../lib/db/database-target';
import type { EventBus } from '../lib/events/event-bus';
import { createEventBus } from '../lib/events/create-event-bus';
import type { Logger } from '../lib/logging/logger';
import { repoRoot } from '../lib/paths';
import { stopAll } from '../lib/server/shutdown';
import { withSubgraphSecret } from '../lib/server/subgraph-secret';
import type { RunningServer } from '../lib/server/subgraph-server';
import { readSupergraphConfig } from '../lib/supergraph-config';
import { startGateway, type RunningGateway } from '../gateway/src/gateway-server';
import { loadSupergraph } from '../gateway/src/supergraph-file';
import { loadPartnerSupergraph } from '../gateway/src/partner/partner-supergraph';
import { startContext } from '../lib/context/start-context';
import { gatewayHttpRoutes } from './context-routes';
import { CONTEXTS, contextNamed } from './contexts';

const LOOPBACK = '127.0.0.1';

export interface PlatformOptions {
  config: Config;
  logger: Logger;
  /** Free ports instead of those of supergraph.yaml and the gateway's 4000 (tests). */
  ephemeralPorts?: boolean;
  /** Where the gateway listens; defaults to HOST, or 127.0.0.1 with ephemeral ports. Subgraphs: loopback. */
  gatewayHost?: string;
  /** Where each context keeps its data; defaults to the configuration's choice. */
  databaseOf?: (context: string) => DatabaseTarget;
  /** The composed supergraph to serve; defaults to SUPERGRAPH_PATH. */
  supergraphPath?: string;
  /** Where the in-process bus keeps its log (replay, restarts); in memory when absent. */
  eventsDir?: string;
  /** Told each part's name and start-up time as it comes up (npm start prints them). */
  onStarted?: (part: string, milliseconds: number) => void;
}

/** Every context of supergraph.yaml running in this process, and the bus they share. */
export interface RunningContexts {
  bus: EventBus;
  subgraphs: RunningServer[];
  /** The configuration with the subgraph secret every part uses (random for this process when unset). */
  config: Config;
  /** Where identity publishes its token keys. */
  jwksUrl: string;
  stop(): Promise<void>;
}

export interface Platform {
  bus: EventBus;
  gateway: RunningGateway;
  subgraphs: RunningServer[];
  stop(): Promise<void>;
}

/** Starts every context (identity first: the others verify tokens with its keys), each on its own port. */
export async function startContexts(options: PlatformOptions): Promise<RunningContexts> {
  const { logger } = options;
  // Gateway and subgraphs share this process: without SUBGRAPH_SECRET, a random one serves as credential.
  const config = withSubgraphSecret(options.config);
  // Only the gateway (HOST) is for clients: the subgraphs it calls in this process listen on loopback.
  const subgraphConfig = { ...config, http: { ...config.http, host: LOOPBACK, publicHost: LOOPBACK } };
  const databaseOf = options.databaseOf ?? ((context: string) => resolveDatabaseTarget(context, config));
  const bus = createEventBus(config, { logger, retainIn: options.eventsDir });
  const started: RunningServer[] = [];
  const stop = async () => {
    await stopAll(started.map((s) => s.stop));
    await bus.close();
  };
  try {
    let jwksUrl = config.auth.jwksUrl ?? '';
    const entries = readSupergraphConfig().sort(
      (a, b) => Number(b.name === 'identity') - Number(a.name === 'identity'),
    );
    for (const entry of entries) {
      const context = contextNamed(entry.name);
      if (!context)
        throw new Error(`supergraph.yaml lists "${entry.name}", which this repository does not implement.`);
      const port = options.ephemeralPorts ? 0 : Number(new URL(entry.routingUrl).port);
      const since = performance.now();
      const server = await startContext(context, {
        config: subgraphConfig,
        database: databaseOf(entry.name),
        host: LOOPBACK,
        port,
        logger,
        jwksUrl,
        bus,
      });
      started.push(server);
      options.onStarted?.(entry.name, performance.now() - since);
      if (entry.name === 'identity' && !config.auth.jwksUrl) jwksUrl = jwksUrlOf(server.url);
    }
    return { bus, subgraphs: started, config, jwksUrl, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

/** Every context and the gateway in this process (tests, benches); `npm start` runs the gateway apart. */
export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const contexts = await startContexts(options);
  const { config, subgraphs, jwksUrl } = contexts;
  try {
    const host = options.gatewayHost ?? (options.ephemeralPorts ? LOOPBACK : config.http.host);
    const supergraphPath = options.supergraphPath ?? join(repoRoot, config.gateway.supergraphPath);
    const actualUrls = Object.fromEntries(subgraphs.map((s) => [s.name, s.url]));
    const since = performance.now();
    const gateway = await startGateway({
      config,
      supergraph: loadSupergraph(supergraphPath, actualUrls),
      routes: gatewayHttpRoutes(
        Object.fromEntries(CONTEXTS.map((context) => [context.name, context.http?.routes ?? []])),
      ),
      partnerSupergraph: loadPartnerSupergraph(join(repoRoot, config.partner.supergraphPath), actualUrls),
      verifier: createJwtVerifier({
        keys: remoteJwks(jwksUrl),
        issuer: config.auth.issuer,
        audience: config.auth.audience,
      }),
      host,
      publicHost: options.ephemeralPorts ? '127.0.0.1' : config.http.publicHost,
      port: options.ephemeralPorts ? 0 : (config.http.port ?? 4000),
      logger: options.logger.child({ component: 'gateway' }),
    });
    options.onStarted?.('gateway', performance.now() - since);
    return {
      gateway,
      subgraphs: [...subgraphs],
      bus: contexts.bus,
      stop: async () => {
        await gateway.stop();
        await contexts.stop();
      },
    };
  } catch (error) {
    await contexts.stop().catch(() => undefined);
    throw error;
  }
}
