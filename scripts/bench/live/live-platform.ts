/**
 * The platform as bench:live runs it: each mode started the way a user starts it, as a child process with
 * throw-away data (a temporary DATA_DIR; for the PostgreSQL modes a fresh database and a Redis database
 * of the bench's own, emptied before and after), waited for until /ready answers, and stopped with SIGTERM.
 * All the athletes come from one address, so the per-address limit of anonymous requests (registration)
 * is raised; the per-user limits stay as shipped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { repoRoot } from '../../../lib/paths';
import { ensureDatabase } from '../../services/infrastructure';
import { freePort } from '../../../lib/server/free-port';

export type LiveMode = 'embedded-one-process' | 'embedded' | 'embedded-postgres' | 'services' | 'bare-stack';

interface ModeDescription {
  label: string;
  script: string;
  /** PostgreSQL and Redis, or embedded defaults. */
  services: boolean;
  args?: string[];
  env?: Record<string, string>;
  /** The phones only: a stack without accounts, boards or awards (bare-stack/). */
  writesOnly?: boolean;
}

export const LIVE_MODES: Record<LiveMode, ModeDescription> = {
  'embedded-one-process': {
    label: '`npm start -- --one-process` (everything on one event loop), embedded PGlite',
    script: 'scripts/start.ts',
    services: false,
    args: ['--one-process'],
  },
  embedded: { label: '`npm start`, embedded PGlite', script: 'scripts/start.ts', services: false },
  'embedded-postgres': {
    label: '`npm start` on PostgreSQL + Redis',
    script: 'scripts/start.ts',
    services: true,
  },
  services: { label: '`npm run start:services`', script: 'scripts/start-services.ts', services: true },
  'bare-stack': {
    label:
      "bare stack, the baseline: plain `@apollo/gateway` (2 processes, as services mode's gateway) → plain Apollo Server subgraph → one INSERT on PostgreSQL; nothing of Pulse (writes only)",
    script: 'scripts/bench/live/bare-stack/bare-gateway.ts',
    services: true,
    writesOnly: true,
  },
};

/** The Redis database bench:live uses (emptied before and after a run): its leaderboards, its streams. */
const BENCH_REDIS_DB = 13;

export interface LivePlatform {
  graphqlUrl: string;
  pid: number;
  stop(): Promise<void>;
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function flushRedis(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  await redis.flushdb();
  redis.disconnect();
}

async function waitUntilReady(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the platform exited with code ${child.exitCode} at start-up`);
    const response = await fetch(`${origin}/ready`).catch(() => null);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the platform was not ready after ${timeoutMs / 1000} s`);
}

/** Starts `mode`; `postgresUrl` / `redisUrl` are the machine's servers (required by the services modes). */
export async function startLivePlatform(
  mode: LiveMode,
  servers: { postgresUrl?: string; redisUrl?: string },
  /** Where the platform's processes write their CPU profiles (cpu-profile-preload.mjs, when they exit); none when absent. */
  profileDir?: string,
  /** Settings of the platform to try (e.g. GATEWAY_WORKERS), over the mode's own. */
  settings: Record<string, string> = {},
): Promise<LivePlatform> {
  const description = LIVE_MODES[mode];
  const dataDir = mkdtempSync(join(tmpdir(), 'pulse-live-'));
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    GATEWAY_RATE_LIMIT_IP: '1000000/60',
    // A run of every step outlasts the default 15 minutes of an access token.
    ACCESS_TOKEN_TTL_SECONDS: '7200',
    ...description.env,
    ...settings,
  };
  let database: { admin: string; name: string } | undefined;
  let redisUrl: string | undefined;
  if (description.services) {
    if (!servers.postgresUrl || !servers.redisUrl)
      throw new Error(`${mode} needs DATABASE_URL and REDIS_URL`);
    database = { admin: servers.postgresUrl, name: `pulse_live_${randomBytes(4).toString('hex')}` };
    const url = new URL(database.admin);
    url.pathname = `/${database.name}`;
    env.DATABASE_URL = url.toString();
    await ensureDatabase(env.DATABASE_URL);
    const redis = new URL(servers.redisUrl);
    redis.pathname = `/${BENCH_REDIS_DB}`;
    redisUrl = redis.toString();
    await flushRedis(redisUrl);
    env.REDIS_URL = redisUrl;
  }
  // Through NODE_OPTIONS, so every Node process of the platform writes one: npm start's gateway, cluster
  // workers, services mode's subgraphs.
  if (profileDir) {
    env.NODE_OPTIONS = `--import=${join(repoRoot, 'scripts/bench/live/cpu-profile-preload.mjs')}`;
    env.PULSE_CPU_PROFILE_DIR = profileDir;
  }
  const nodeFlags = ['--import', 'tsx', '--max-semi-space-size=64'];
  // What the platform prints (its start-up banner, warnings and errors) is kept in a file, named at the end.
  const logPath = join(tmpdir(), `pulse-live-${mode}-${randomBytes(3).toString('hex')}.log`);
  const log = openSync(logPath, 'w');
  const child = spawn(process.execPath, [...nodeFlags, description.script, ...(description.args ?? [])], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', log, 'inherit'],
  });
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const cleanUp = async () => {
    rmSync(dataDir, { recursive: true, force: true });
    console.error(`${description.label} printed: ${logPath}`);
    if (database) await adminQuery(database.admin, `DROP DATABASE IF EXISTS ${database.name} WITH (FORCE)`);
    if (redisUrl) await flushRedis(redisUrl);
  };
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(origin, child, 300_000);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    await cleanUp();
    throw error;
  }
  return {
    graphqlUrl: `${origin}/graphql`,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killer);
      await cleanUp();
    },
  };
}
