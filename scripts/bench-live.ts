/**
 * npm run bench:live [-- --modes embedded-one-process,embedded,embedded-postgres,services,bare-stack --athletes 50,100,200,300,500
 *   --seconds 30 --warmup 30 --readers 10 --keep-going --profile --env NAME=value]: a busy evening of live recording (scripts/bench/live/live-load.ts) against
 * each runtime mode started as a user starts it, after a warm-up step (`--warmup` seconds at the first number of
 * athletes, printed but not judged), at rising numbers of live athletes until one does not
 * hold. Held: no failed request, nothing lost or doubled, every athlete credited exactly once, write p99
 * ≤ 1 s and read p99 ≤ 500 ms. Prints, per step, the latencies, failures and the cores used by the
 * platform's processes, PostgreSQL and Redis over the loaded window; PostgreSQL modes need DATABASE_URL
 * and REDIS_URL (skipped without them). `bare-stack` is the baseline: the same phones (no readers) against
 * plain @apollo/gateway and a plain subgraph with one INSERT (scripts/bench/live/bare-stack/). `--profile` writes CPU profiles of every Node process of the platform under
 * .data/profiles/; `--env NAME=value` (repeatable) sets a setting of every platform started. It fails only on
 * errors, never on a figure.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../lib/paths';
import { machineLine } from './bench/machine-line';
import { startLivePlatform, LIVE_MODES, type LiveMode } from './bench/live/live-platform';
import { registerAthletes, runLiveStep, runWritesStep, type StepResult } from './bench/live/live-load';
import { startBusiestMeter, startCpuMeter, waitUntilQuiet } from './bench/live/process-tree-cpu';

type Measure = (during: () => Promise<void>) => Promise<void>;

const WRITE_P99_MS = 1000;
const READ_P99_MS = 500;
/** The platform and PostgreSQL together below this many cores for a second: at rest (services mode: ~0.2). */
const QUIET_CORES = 0.35;
const QUIET_WAIT_MS = 120_000;

const { values } = parseArgs({
  options: {
    modes: { type: 'string', default: 'embedded-one-process,embedded,embedded-postgres,services,bare-stack' },
    athletes: { type: 'string', default: '50,100,200,300,500' },
    seconds: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '30' },
    readers: { type: 'string', default: '10' },
    'reads-per-second': { type: 'string', default: '4' },
    'batch-size': { type: 'string', default: '10' },
    'keep-going': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    env: { type: 'string', multiple: true, default: [] },
  },
});

const held = (step: StepResult) =>
  step.writes.failed + step.reads.failed + step.finishes.failed === 0 &&
  step.lost === 0 &&
  step.doubled === 0 &&
  step.wronglyCredited === 0 &&
  step.writes.percentile(99) <= WRITE_P99_MS &&
  // The bare stack has no readers.
  (step.reads.ms.length === 0 || step.reads.percentile(99) <= READ_P99_MS);

const ms = (value: number) =>
  Number.isNaN(value) ? '–' : value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;

function row(step: StepResult, seconds: number, cpu: Record<string, number>): string {
  const failures = [step.writes, step.reads, step.finishes]
    .map((r, i) => (r.failed ? `${['write', 'read', 'finish'][i]}: ${r.describeFailures()}` : ''))
    .filter(Boolean)
    .join('; ');
  const requests = step.writes.ms.length + step.reads.ms.length + step.writes.failed + step.reads.failed;
  const cores = (name: string) => (cpu[name] === undefined ? '–' : cpu[name]!.toFixed(2));
  return [
    step.athletes,
    (step.writes.ms.length / seconds).toFixed(0),
    failures || '0',
    `${ms(step.writes.percentile(50))} / ${ms(step.writes.percentile(99))}`,
    `${ms(step.reads.percentile(99))} (${ms(step.idleReads.percentile(99))})`,
    `${step.lost} / ${step.doubled} / ${step.wronglyCredited}`,
    `${cores('platform')}, PostgreSQL ${cores('postgres')}, Redis ${cores('redis')}, load ${cores('load')}`,
    cpu.platform === undefined ? '–' : ((cpu.platform * 1000 * seconds) / requests).toFixed(1),
    held(step) ? 'held' : 'not held',
  ].join(' | ');
}

async function benchMode(mode: LiveMode, steps: number[]): Promise<void> {
  const postgresUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (LIVE_MODES[mode].services && (!postgresUrl || !redisUrl)) {
    console.log(`\n${LIVE_MODES[mode].label}: skipped (needs DATABASE_URL and REDIS_URL)`);
    return;
  }
  const seconds = Number(values.seconds);
  const options = {
    seconds,
    readers: Number(values.readers),
    readsPerSecond: Number(values['reads-per-second']),
    batchSize: Number(values['batch-size']),
    duplicateEvery: 10,
  };
  console.log(`\n${LIVE_MODES[mode].label}`);
  const profileDir = values.profile
    ? join(repoRoot, '.data', 'profiles', `live-${mode}-${Date.now()}`)
    : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const platform = await startLivePlatform(mode, { postgresUrl, redisUrl }, profileDir, settings);
  try {
    const url = platform.graphqlUrl;
    // The phones and the readers of a step of `athletes` (the bare stack has no accounts: phones only).
    let runStep: (athletes: number, o: typeof options, measure: Measure) => Promise<StepResult>;
    if (LIVE_MODES[mode].writesOnly) {
      runStep = (athletes, o, measure) => runWritesStep(url, athletes, o, measure);
    } else {
      const everyone = await registerAthletes(url, Math.max(...steps) + options.readers);
      const readers = everyone.slice(0, options.readers);
      const phones = (athletes: number) => everyone.slice(options.readers, options.readers + athletes);
      runStep = (athletes, o, measure) => runLiveStep(url, phones(athletes), readers, o, measure);
    }
    console.log(
      '| live athletes | writes/s | failed requests | write p50 / p99 | read p99 (idle) | lost / doubled / wrongly credited | cores used: platform, PostgreSQL, Redis, load generator | platform CPU ms per request | |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|');
    const warmup = Number(values.warmup);
    if (warmup > 0) {
      // Every process compiles its hot paths in its first seconds of load: a step of its own, not judged.
      const step = await runStep(steps[0]!, { ...options, seconds: warmup }, (d) => d());
      console.log(
        `| warm-up, not judged: ${steps[0]} athletes for ${warmup} s, write p99 ${ms(step.writes.percentile(99))} | | | | | | | | |`,
      );
    }
    const busiestLines: string[] = [];
    for (const athletes of steps) {
      let cpu: Record<string, number> = {};
      let busiest: string[] = [];
      // A step starts once what the last one left behind is done: its finishes set off every context's work.
      const quietAfterMs = await waitUntilQuiet(
        { platform: { tree: platform.pid }, postgres: { command: 'postgres' } },
        QUIET_CORES,
        QUIET_WAIT_MS,
      );
      const step = await runStep(athletes, options, async (during) => {
        const meter = startCpuMeter({
          platform: { tree: platform.pid },
          postgres: { command: 'postgres' },
          redis: { command: 'redis-server' },
        });
        const processes = startBusiestMeter(platform.pid);
        // This process (the phones and the readers) runs on the same cores as the platform.
        const [loadFrom, startedAt] = [process.cpuUsage(), performance.now()];
        await during();
        const loadUsed = process.cpuUsage(loadFrom);
        const load = (loadUsed.user + loadUsed.system) / 1000 / (performance.now() - startedAt);
        busiest = processes();
        const { platform: ownCpu, ...servers } = meter();
        cpu = LIVE_MODES[mode].services
          ? { platform: ownCpu!, ...servers, load }
          : { platform: ownCpu!, load };
      });
      console.log(`| ${row(step, seconds, cpu)} |`);
      const quiet = `quiet ${(quietAfterMs / 1000).toFixed(0)} s after the step before`;
      busiestLines.push(`${athletes} athletes (${quiet}): ${busiest.join(', ')}`);
      if (!held(step) && !values['keep-going']) break;
    }
    console.log(`\nbusiest processes (cores):\n${busiestLines.join('\n')}`);
  } finally {
    await platform.stop();
    if (profileDir) console.log(`CPU profiles: ${profileDir}`);
  }
}

/** `--env NAME=value`, repeatable: settings passed to every platform started (e.g. GATEWAY_WORKERS=1). */
const settings = Object.fromEntries(
  values.env.map((pair) => {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(pair);
    if (!match) throw new Error(`--env takes NAME=value, not ${pair}`);
    return [match[1]!, match[2]!];
  }),
);

async function main() {
  console.log(machineLine());
  if (values.env.length > 0) console.log(`settings: ${values.env.join(' ')}`);
  const steps = values.athletes
    .split(',')
    .map(Number)
    .sort((a, b) => a - b);
  console.log(
    `load: each live athlete sends one recordTelemetry batch of ${values['batch-size']} samples a second ` +
      `(every 10th twice) for ${values.seconds} s; ${values.readers} readers read the weekly board and ` +
      `their XP ${values['reads-per-second']} times a second; held = 0 failed, 0 lost, 0 doubled, ` +
      `write p99 ≤ ${WRITE_P99_MS} ms, read p99 ≤ ${READ_P99_MS} ms`,
  );
  for (const mode of values.modes.split(',') as LiveMode[]) {
    if (!LIVE_MODES[mode]) throw new Error(`unknown mode ${mode}: ${Object.keys(LIVE_MODES).join(', ')}`);
    await benchMode(mode, steps);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
