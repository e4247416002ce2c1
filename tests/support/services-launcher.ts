/**
 * `npm run start:services` as a child process for end-to-end tests: whether this machine can run it (a
 * reachable PostgreSQL and Redis from DATABASE_URL and REDIS_URL), the launcher on free ports and a
 * throw-away database, what it printed (each process's pid as it comes up), and a client of its gateway.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { createServer } from 'node:net';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type FormattedExecutionResult } from 'graphql';
import Redis from 'ioredis';
import { Client } from 'pg';
import { repoRoot } from '../../lib/paths';
import { canListen, freePort } from '../../lib/server/free-port';

// Connects to each host:port given on the command line; prints what failed and exits 1 if any did.
const PROBE = `
const net = require('node:net');
const targets = process.argv.slice(1);
let failures = [], pending = targets.length / 2;
for (let i = 0; i < targets.length; i += 2) {
  const socket = net.connect({ host: targets[i], port: Number(targets[i + 1]), timeout: 3000 });
  const done = (error) => {
    socket.destroy();
    if (error) failures.push(targets[i] + ':' + targets[i + 1] + ' (' + error + ')');
    if (--pending === 0) { console.log(failures.join(', ')); process.exit(failures.length ? 1 : 0); }
  };
  socket.once('connect', () => done(null));
  socket.once('timeout', () => done('no answer'));
  socket.once('error', (e) => done(e.code || e.message));
}`;

/** Why services mode cannot run here (null: it can). Synchronous, so that a file can choose its tests. */
export function whyServicesModeCannotRun(
  env: Record<string, string | undefined> = process.env,
): string | null {
  if (!env.DATABASE_URL || !env.REDIS_URL) return 'DATABASE_URL and REDIS_URL are not both set';
  const hostPort = (url: string, port: number) => {
    const parsed = new URL(url);
    return [parsed.hostname || '127.0.0.1', parsed.port || String(port)];
  };
  const probe = spawnSync(
    process.execPath,
    ['-e', PROBE, ...hostPort(env.DATABASE_URL, 5432), ...hostPort(env.REDIS_URL, 6379)],
    { encoding: 'utf8', timeout: 10_000 },
  );
  return probe.status === 0 ? null : `not reachable: ${probe.stdout.trim() || probe.error?.message}`;
}

/** A throw-away database on DATABASE_URL's server: its URL (the launcher creates it) and its removal. */
export function throwAwayDatabase(databaseUrl: string) {
  const name = `pulse_services_${randomBytes(5).toString('hex')}`;
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  url.search = '';
  return {
    url: url.toString(),
    async drop() {
      const maintenance = new URL(databaseUrl);
      maintenance.pathname = '/postgres';
      const client = new Client({ connectionString: maintenance.toString() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * An empty logical database of REDIS_URL's server for one run (REDIS_URL's own when it names one): the
 * event streams and their consumer groups, the leaderboards and the rate limits keep no key prefix of
 * their own in services mode, and a second deployment on the same keys would share the consumer groups
 * (each event handled by one of them). `flush` empties it afterwards. Pub/sub channels are not per
 * database, but carry the ids of this run's athletes and workouts.
 */
export async function throwAwayRedisDatabase(redisUrl: string) {
  const url = new URL(redisUrl);
  const named = url.pathname.length > 1;
  const candidates = named
    ? [Number(url.pathname.slice(1))]
    : Array.from({ length: 15 }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    for (const db of candidates) {
      await redis.select(db);
      if (named || (await redis.dbsize()) === 0) {
        url.pathname = `/${db}`;
        return {
          url: url.toString(),
          async flush() {
            if (named) return;
            const client = new Redis(url.toString(), { maxRetriesPerRequest: 1 });
            try {
              await client.flushdb();
            } finally {
              client.disconnect();
            }
          },
        };
      }
    }
    throw new Error(`no empty logical database on ${url.host}`);
  } finally {
    redis.disconnect();
  }
}

export interface Launcher {
  process: ChildProcess;
  /** Every line it printed so far (its own and its children's, prefixed with their names). */
  lines: string[];
  /** Resolves with the exit code (null: killed by a signal). */
  exited: Promise<number | null>;
  /** Resolves with the first match of `pattern` among the lines, printed already or to come. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
  /** The pid each process had when it last came up: `<name> pid <n> up at <url>`. */
  pidOf(name: string): number | undefined;
  /** Every pid it reported, restarts included. */
  allPids(): number[];
}

/** Starts `scripts/start-services.ts` with `args` and exactly `env` (plus PATH and HOME). */
export const launchServices = (args: string[], env: Record<string, string>): Launcher =>
  launchScript('scripts/start-services.ts', args, env);

/** Starts one of Pulse's launchers (`scripts/start.ts`, `scripts/start-services.ts`) as `npm` would. */
export function launchScript(script: string, args: string[], env: Record<string, string>): Launcher {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop()!;
      lines.push(...parts);
      for (const wake of waiters) wake();
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ups = () =>
    lines.flatMap((line) => {
      const match = /^(\w+) pid (\d+) up at /.exec(line);
      return match ? [{ name: match[1]!, pid: Number(match[2]) }] : [];
    });
  return {
    process: child,
    lines,
    exited,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          for (const line of lines) {
            const match = pattern.exec(line);
            if (match) {
              finish();
              resolve(match);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          finish();
          reject(
            new Error(`no line matching ${pattern} within ${timeoutMs} ms; last lines:\n${tail(lines)}`),
          );
        }, timeoutMs);
        const onExit = () => {
          // The last lines arrive before 'exit' is handled by the time we look again.
          setTimeout(() => {
            check();
            finish();
            reject(new Error(`the launcher exited before printing ${pattern}; last lines:\n${tail(lines)}`));
          }, 100);
        };
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(check);
          child.off('exit', onExit);
        };
        waiters.add(check);
        child.once('exit', onExit);
        check();
      });
    },
    pidOf: (name) => ups().findLast((up) => up.name === name)?.pid,
    allPids: () => ups().map((up) => up.pid),
  };
}

/** The last lines of an output, for failure messages. */
export const tail = (lines: string[], count = 40) => lines.slice(-count).join('\n');

export const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export interface Answer<R> {
  status: number;
  servedBy: string | undefined;
  result: FormattedExecutionResult<R>;
}

/** A client of the gateway's /graphql: every request on a new connection, and given up after `timeoutMs`. */
export function gatewayClient(graphqlUrl: string, timeoutMs = 30_000) {
  const post = (path: string, body: string | Buffer, headers: Record<string, string>) =>
    new Promise<{ status: number; servedBy: string | undefined; text: string }>((resolve, reject) => {
      const url = new URL(path, graphqlUrl);
      const req = request(
        url,
        { method: 'POST', agent: false, timeout: timeoutMs, headers: { ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              servedBy: res.headers['x-served-by'] as string | undefined,
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      req.on('timeout', () =>
        req.destroy(new Error(`no answer from ${url.pathname} within ${timeoutMs} ms`)),
      );
      req.on('error', reject);
      req.end(body);
    });
  const bearer = (token?: string): Record<string, string> =>
    token ? { authorization: `Bearer ${token}` } : {};
  return {
    /** Sends one operation; resolves with the HTTP status, the process that served it and the result. */
    async send<R, V>(operation: TypedDocumentNode<R, V> | string, variables: V, token?: string) {
      const query = typeof operation === 'string' ? operation : print(operation);
      const answer = await post(graphqlUrl, JSON.stringify({ query, variables }), {
        'content-type': 'application/json',
        ...bearer(token),
      });
      return {
        status: answer.status,
        servedBy: answer.servedBy,
        result: JSON.parse(answer.text) as FormattedExecutionResult<R>,
      } satisfies Answer<R>;
    },
    /** POSTs a body to one of the gateway's HTTP routes (e.g. /telemetry/…). */
    async postRoute(path: string, body: string, contentType: string, token?: string) {
      const answer = await post(path, body, { 'content-type': contentType, ...bearer(token) });
      return { status: answer.status, servedBy: answer.servedBy, body: JSON.parse(answer.text) as unknown };
    },
  };
}

export type GatewayClient = ReturnType<typeof gatewayClient>;

/** A base port whose next 7 ports are free, but for base + `taken`, which the returned server holds. */
export async function portsWithOneTaken(taken: number) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = (await freePort()) - taken;
    const others = [0, 1, 2, 3, 4, 5, 6, 7].filter((i) => i !== taken).map((i) => base + i);
    if (base < 1024 || !(await Promise.all(others.map(canListen))).every(Boolean)) continue;
    const blocker = createServer();
    const held = await new Promise<boolean>((resolve) => {
      blocker.once('error', () => resolve(false));
      blocker.listen(base + taken, '127.0.0.1', () => resolve(true));
    });
    if (held) return { base, blocker };
  }
  throw new Error('no run of 8 free ports found');
}
