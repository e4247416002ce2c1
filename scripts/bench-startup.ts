/**
 * npm run bench:startup: how long `npm start` takes to come up and how much memory it holds, per part.
 * Cold: a fresh DATA_DIR (the embedded database is created and every context migrated). Warm: the same
 * folder again. Resident memory after start and after a small workload (athletes recording and finishing
 * runs). Baselines from the same run: Node.js with tsx starting nothing, and the embedded database opened
 * alone. Each subject runs in a fresh process, RUNS times (default 3); medians are printed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { startChild } from './bench/gateway-child';
import type { StartupReport } from './bench/startup-child';
import {
  finishWorkouts,
  httpUpload,
  ndjsonOf,
  registerAthlete,
  runningSamples,
  startWorkouts,
} from './bench/telemetry-client';

const RUNS = Number(process.env.RUNS ?? 3);
const ATHLETES = 20;
const SAMPLES = 600;
const TARGETS = { coldMs: 20_000, warmMs: 5_000, rssMb: 600 };

interface Measured {
  wallMs: number;
  report: StartupReport;
  rssMb: number;
  rssAfterWorkloadMb?: number;
}

/** The resident memory of a process, from Linux's /proc (NaN elsewhere). */
function rssOf(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

async function workload(graphqlUrl: string): Promise<void> {
  const origin = new URL(graphqlUrl).origin;
  const startMs = Date.now() - 3_600_000;
  const rows = runningSamples(SAMPLES, startMs);
  await Promise.all(
    Array.from({ length: ATHLETES }, async () => {
      const gateway = { graphqlUrl, origin, token: await registerAthlete(graphqlUrl) };
      const [workoutId] = await startWorkouts(gateway, 1, startMs);
      await httpUpload(
        gateway,
        { workoutId: workoutId!, batchId: 'b1' },
        { body: ndjsonOf(rows), gzip: false },
      )();
      await finishWorkouts(gateway, [workoutId!], startMs + SAMPLES * 1000);
    }),
  );
}

type Subject = 'platform' | 'pglite' | 'nothing';

async function measure(subject: Subject, dataDir: string, withWorkload = false): Promise<Measured> {
  const since = performance.now();
  const child = await startChild<StartupReport>(
    subject === 'platform' ? 'startup-child.ts' : 'startup-baseline-child.ts',
    { subject, dataDir },
    { timeoutMs: 300_000 },
  );
  const wallMs = performance.now() - since;
  try {
    const measured: Measured = { wallMs, report: child.info, rssMb: rssOf(child.pid) };
    if (withWorkload && child.info.graphqlUrl) {
      await workload(child.info.graphqlUrl);
      measured.rssAfterWorkloadMb = rssOf(child.pid);
    }
    return measured;
  } finally {
    await child.stop();
  }
}

const median = (values: number[]) => {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.floor((sorted.length - 1) / 2)]!;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  console.log(
    `machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GB, ` +
      `Node.js ${process.version}; ${RUNS} run(s) of each, medians; workload: ${ATHLETES} athletes, one ${SAMPLES}-sample run each`,
  );
  const cold: Measured[] = [];
  const warm: Measured[] = [];
  const empty: Measured[] = [];
  const pglite: Measured[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const dataDir = mkdtempSync(join(tmpdir(), 'pulse-bench-startup-'));
    try {
      cold.push(await measure('platform', dataDir));
      warm.push(await measure('platform', dataDir, true));
      pglite.push(await measure('pglite', dataDir));
      empty.push(await measure('nothing', dataDir));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const row = (label: string, runs: Measured[], target?: string) =>
    `${label.padEnd(34)} ${seconds(median(runs.map((m) => m.wallMs))).padStart(8)}   ` +
    `${String(median(runs.map((m) => m.rssMb))).padStart(5)} MB` +
    (runs[0]?.rssAfterWorkloadMb !== undefined
      ? `   ${String(median(runs.map((m) => m.rssAfterWorkloadMb ?? Number.NaN))).padStart(5)} MB`
      : '         ') +
    (target ? `   target ${target}` : '');
  console.log(
    `\n${'subject'.padEnd(34)} ${'ready in'.padStart(8)}   ${'resident'.padStart(8)}   after workload`,
  );
  console.log(row('npm start, cold (fresh DATA_DIR)', cold, `≤ ${seconds(TARGETS.coldMs)}`));
  console.log(
    row('npm start, warm (same DATA_DIR)', warm, `≤ ${seconds(TARGETS.warmMs)}, ≤ ${TARGETS.rssMb} MB`),
  );
  console.log(row('baseline: embedded database alone', pglite));
  console.log(row('baseline: Node.js + tsx, db code only', empty));

  console.log(`\nper part (median own start-up time, resident memory once it is up), cold | warm:`);
  const names = cold[0]?.report.parts.map((p) => p.name) ?? [];
  for (const name of names) {
    const of = (runs: Measured[]) => runs.map((m) => m.report.parts.find((p) => p.name === name)!);
    const [c, w] = [of(cold), of(warm)];
    console.log(
      `  ${name.padEnd(14)} ${seconds(median(c.map((p) => p.ms))).padStart(7)} ${String(median(c.map((p) => p.rssAfterMb))).padStart(5)} MB` +
        ` | ${seconds(median(w.map((p) => p.ms))).padStart(7)} ${String(median(w.map((p) => p.rssAfterMb))).padStart(5)} MB`,
    );
  }
  const importMs = (runs: Measured[]) =>
    median(runs.map((m) => m.report.readyAtMs - m.report.parts.reduce((sum, p) => sum + p.ms, 0)));
  console.log(
    `  ${'loading code'.padEnd(14)} ${seconds(importMs(cold)).padStart(7)}          | ${seconds(importMs(warm)).padStart(7)}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
