/**
 * npm run bench:abuse: what a normal athlete sees while another one attacks the embedded platform. Each
 * phase replays one attack from the hardening issue (huge uploads within the size limits, an upload flood,
 * a /graphql flood) while the normal athlete asks `me` and `sports` in a loop; the first phase has no attack
 * and is the baseline of the same run. Loopback only, bounded (each phase at most PHASE_LIMIT_MS), throw-away
 * databases. Prints figures; fails only on errors, never on a figure.
 */
import { cpus, loadavg, platform as osName, release } from 'node:os';
import { pino } from 'pino';
import { loadConfig } from '../lib/config/config';
import { platformTestDatabases, preferredDatabaseKind } from '../lib/testing/test-databases';
import { hugeAppleHealth, hugeGpx } from './bench/abuse-files';
import { registerAthlete } from './bench/telemetry-client';
import { startPlatform } from './platform';

const PHASE_LIMIT_MS = 90_000;
/** An attack shorter than this is repeated, so that the normal athlete's figures rest on enough probes. */
const PHASE_MIN_MS = 5_000;
const PROBE_GAP_MS = 50;
const PROBE = 'query Probe { me { displayName } sports { sport } }';

interface Probe {
  latencies: number[];
  failures: number;
}

interface Attack {
  name: string;
  run(origin: string, token: string): Promise<number[]>;
}

async function graphql(origin: string, query: string, variables: object = {}, token?: string) {
  return fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
}

const upload = (origin: string, token: string, body: Buffer, fileName: string) =>
  fetch(`${origin}/imports?fileName=${fileName}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: new Uint8Array(body),
  }).then(async (response) => {
    await response.arrayBuffer();
    return response.status;
  });

/** `count` calls of `send`, `parallel` at a time; their HTTP statuses. */
async function flood(count: number, parallel: number, send: () => Promise<number>): Promise<number[]> {
  const statuses: number[] = [];
  let next = 0;
  const lane = async () => {
    while (next < count) {
      next += 1;
      statuses.push(await send().catch(() => 0));
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  return statuses;
}

function attacks(): Attack[] {
  const gpx = hugeGpx(1_000_000);
  const heartRate = hugeAppleHealth(1_000_000, 'heartRate');
  const route = hugeAppleHealth(1_000_000, 'route');
  const smallGpx = (i: number) => hugeGpx(10 + (i % 50));
  const aliases = `{ ${Array.from({ length: 1_000 }, (_, i) => `a${i}: sports { sport }`).join(' ')} }`;
  return [
    {
      name: `GPX, 1 000 000 points (${(gpx.length / 1e6).toFixed(1)} MB gzip)`,
      run: async (origin, token) => [await upload(origin, token, gpx, 'huge.gpx.gz')],
    },
    {
      name: 'Apple Health, 1 000 000 heart rates',
      run: async (origin, token) => [await upload(origin, token, heartRate, 'hr.json')],
    },
    {
      name: 'Apple Health, 1 000 000 route points',
      run: async (origin, token) => [await upload(origin, token, route, 'route.json')],
    },
    {
      name: '700 uploads, 20 at a time',
      run: (origin, token) => {
        let i = 0;
        return flood(700, 20, () => upload(origin, token, smallGpx((i += 1)), `f${i}.gpx.gz`));
      },
    },
    {
      name: '2 000 /graphql floods of 1 000 aliases, 20 at a time',
      run: (origin, token) =>
        flood(2_000, 20, async () => {
          const response = await graphql(origin, aliases, {}, token);
          await response.arrayBuffer();
          return response.status;
        }),
    },
  ];
}

/** Runs `attack` again until `ms` have passed; all the statuses it got. */
async function repeatFor(ms: number, attack: () => Promise<number[]>): Promise<number[]> {
  const until = performance.now() + ms;
  const statuses: number[] = [];
  do statuses.push(...(await attack()));
  while (performance.now() < until);
  return statuses;
}

/** The normal athlete's answer times until `done` settles (at least one probe). */
async function probeUntil(origin: string, token: string, done: Promise<unknown>): Promise<Probe> {
  const probe: Probe = { latencies: [], failures: 0 };
  let finished = false;
  void done.finally(() => (finished = true));
  do {
    const started = performance.now();
    try {
      const response = await graphql(origin, PROBE, {}, token);
      const body = (await response.json()) as { errors?: unknown };
      if (!response.ok || body.errors) probe.failures += 1;
    } catch {
      probe.failures += 1;
    }
    probe.latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, PROBE_GAP_MS));
  } while (!finished);
  return probe;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function tally(statuses: number[]): string {
  const counts = new Map<number, number>();
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${n}× ${status || 'reset'}`).join(', ');
}

async function main() {
  const kind = preferredDatabaseKind();
  const databases = platformTestDatabases(kind);
  const platform = await startPlatform({
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    logger: pino({ level: 'silent' }),
    ephemeralPorts: true,
    databaseOf: databases.databaseOf,
  });
  try {
    const origin = new URL(platform.gateway.url).origin;
    const athlete = await registerAthlete(platform.gateway.url, 'Normal');
    const attacker = await registerAthlete(platform.gateway.url, 'Attacker');
    console.log(
      `bench:abuse on ${osName()} ${release()}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load ${loadavg()[0]!.toFixed(2)}, ${kind}`,
    );
    console.log('phase | attack answers | attack s | probes | p50 ms | p99 ms | max ms | probe failures');
    const phases: (Attack | null)[] = [null, ...attacks()];
    for (const attack of phases) {
      const started = performance.now();
      const attackDone = attack
        ? repeatFor(PHASE_MIN_MS, () => attack.run(origin, attacker))
        : new Promise<number[]>((resolve) => setTimeout(() => resolve([]), PHASE_MIN_MS));
      const bounded = Promise.race([
        attackDone,
        new Promise<number[]>((resolve) => setTimeout(() => resolve([-1]), PHASE_LIMIT_MS)),
      ]);
      const probe = await probeUntil(origin, athlete, bounded);
      const statuses = await bounded;
      const seconds = (performance.now() - started) / 1000;
      const sorted = [...probe.latencies].sort((a, b) => a - b);
      console.log(
        [
          attack?.name ?? 'no attack (baseline)',
          attack
            ? statuses[0] === -1
              ? `unanswered after ${PHASE_LIMIT_MS / 1000} s`
              : tally(statuses)
            : '—',
          seconds.toFixed(1),
          probe.latencies.length,
          percentile(sorted, 50).toFixed(1),
          percentile(sorted, 99).toFixed(1),
          (sorted.at(-1) ?? NaN).toFixed(1),
          probe.failures,
        ].join(' | '),
      );
      if (statuses[0] === -1) await attackDone.catch(() => undefined);
    }
  } finally {
    await platform.stop();
    await databases.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
