/**
 * The environment of each process `npm run start:services` starts: what the launcher settles once (the
 * database, Redis, the event bus, the subgraph secret, the gateway's workers) and what each child gets on
 * top of the launcher's own environment (its port, where identity's keys are, where the subgraphs are).
 * Pure functions: scripts/start-services.ts reads the environment and hands it in.
 */
import { randomBytes } from 'node:crypto';

export type Env = Record<string, string | undefined>;

export const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/pulse';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
/** Two gateway processes on one port (node:cluster), so that one machine already runs it replicated. */
export const DEFAULT_GATEWAY_WORKERS = '2';
export const DEFAULT_GATEWAY_PORT = 4000;
/** Only the gateway is for clients: the subgraphs it calls on this machine listen on loopback. */
export const SUBGRAPH_HOST = '127.0.0.1';

export interface ServicesSettings {
  databaseUrl: string;
  redisUrl: string;
  /** EVENT_BUS for every child: `redis` (Redis Streams on REDIS_URL) unless the environment chose. */
  eventBus: string;
  subgraphSecret: string;
  gatewayWorkers: string;
  /** Where each setting came from, for the launcher to print. */
  sources: { database: string; redis: string; subgraphSecret: string; gatewayWorkers: string };
}

const fromEnv = (env: Env, name: string) => (env[name] ? name : 'default');

/** The settings every child shares; SUBGRAPH_SECRET is generated once for all of them unless it is set. */
export function servicesSettings(
  env: Env,
  newSecret: () => string = () => randomBytes(32).toString('base64url'),
): ServicesSettings {
  return {
    databaseUrl: env.DATABASE_URL || DEFAULT_DATABASE_URL,
    redisUrl: env.REDIS_URL || DEFAULT_REDIS_URL,
    eventBus: env.EVENT_BUS || 'redis',
    subgraphSecret: env.SUBGRAPH_SECRET || newSecret(),
    gatewayWorkers: env.GATEWAY_WORKERS || DEFAULT_GATEWAY_WORKERS,
    sources: {
      database: fromEnv(env, 'DATABASE_URL'),
      redis: fromEnv(env, 'REDIS_URL'),
      subgraphSecret: env.SUBGRAPH_SECRET ? 'SUBGRAPH_SECRET' : 'generated for this run',
      gatewayWorkers: fromEnv(env, 'GATEWAY_WORKERS'),
    },
  };
}

/** The gateway's public origin, where links in mail and the file store's signed URLs lead. */
export function publicOrigin(env: Env, gatewayPort: number): string {
  return `http://${env.PUBLIC_HOST || 'localhost'}:${gatewayPort}`;
}

/**
 * The launcher's environment without what names one process (PORT is the gateway's) or where the
 * subgraphs are (the launcher knows), plus what every child shares.
 */
function commonEnv(env: Env, settings: ServicesSettings, name: string): Env {
  const inherited = Object.fromEntries(
    Object.entries(env).filter(([key]) => key !== 'PORT' && !key.startsWith('SUBGRAPH_URL_')),
  );
  return {
    ...inherited,
    DATABASE_URL: settings.databaseUrl,
    REDIS_URL: settings.redisUrl,
    EVENT_BUS: settings.eventBus,
    SUBGRAPH_SECRET: settings.subgraphSecret,
    // One service name per process in the traces (README, Configuration).
    OTEL_SERVICE_NAME: `${env.OTEL_SERVICE_NAME || 'pulse'}-${name}`,
  };
}

export interface SubgraphPlacement {
  /** 0: any free port (the launcher reads the one taken from the child's output). */
  port: number;
  /** Identity's keys; null for identity itself, which verifies tokens with its own keys. */
  jwksUrl: string | null;
  gatewayPort: number;
}

export function subgraphEnv(env: Env, settings: ServicesSettings, name: string, at: SubgraphPlacement): Env {
  return {
    ...commonEnv(env, settings, name),
    HOST: SUBGRAPH_HOST,
    PUBLIC_HOST: SUBGRAPH_HOST,
    PORT: String(at.port),
    APP_URL: env.APP_URL || publicOrigin(env, at.gatewayPort),
    ...(at.jwksUrl && { JWKS_URL: at.jwksUrl }),
  };
}

export interface GatewayPlacement {
  port: number;
  /** Each subgraph's GraphQL URL, by its name in supergraph.yaml. */
  subgraphUrls: Record<string, string>;
  jwksUrl: string;
}

export function gatewayEnv(env: Env, settings: ServicesSettings, at: GatewayPlacement): Env {
  const urls = Object.entries(at.subgraphUrls).map(([name, url]) => [
    `SUBGRAPH_URL_${name.toUpperCase()}`,
    url,
  ]);
  return {
    ...commonEnv(env, settings, 'gateway'),
    PORT: String(at.port),
    GATEWAY_WORKERS: settings.gatewayWorkers,
    JWKS_URL: at.jwksUrl,
    ...Object.fromEntries(urls),
  };
}
