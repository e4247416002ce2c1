/**
 * npm run bench:gateway [-- --workload guild|pulse|all --seconds 10 --warmup 2 --connections N --profile]:
 * Pulse's gateway against a plain @apollo/gateway and Hive Gateway under the same autocannon load, each
 * gateway in its own child process, measured one at a time, every answer checked.
 *   Workload 1 (guild): The Guild's public federation gateway benchmark, its supergraph, subgraphs (in
 *   Node), TestQuery and CPU pinning (scripts/bench/gateway-guild-workload.ts; 50 connections by default).
 *   Workload 2 (pulse): Pulse's own supergraph and seeded data (scripts/bench/gateway-pulse-workload.ts;
 *   20 connections by default).
 * Prints figures, the CPU time of each process during every measured run among them; fails only on
 * errors (a gateway that answers wrong data is not measured, and fails the run at the end), never on a
 * figure. `--profile` writes CPU profiles of Pulse's gateway under .data/profiles/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../lib/paths';
import { runGuildWorkload } from './bench/gateway-guild-workload';
import { runPulseWorkload } from './bench/gateway-pulse-workload';
import { CPU_COLUMNS, machineInfo } from './bench/gateway-report';
import type { WorkloadOptions } from './bench/gateway-runs';

const WORKLOADS = { guild: runGuildWorkload, pulse: runPulseWorkload };

const { values: args } = parseArgs({
  options: {
    workload: { type: 'string', default: 'all' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
});

async function main() {
  const chosen = args.workload === 'all' ? Object.keys(WORKLOADS) : [args.workload];
  if (!chosen.every((name): name is keyof typeof WORKLOADS => name in WORKLOADS)) {
    throw new Error(`--workload: guild, pulse or all, not ${args.workload}`);
  }
  const profileDir = join(repoRoot, '.data', 'profiles');
  if (args.profile) mkdirSync(profileDir, { recursive: true });
  const options: WorkloadOptions = {
    seconds: Number(args.seconds),
    warmupSeconds: Number(args.warmup),
    connections: args.connections === undefined ? undefined : Number(args.connections),
    pulseExecArgv: args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  };
  console.log(machineInfo());
  console.log(
    'processes: this one runs the load generator; the subgraphs run in one child process; each gateway in its own child process (measured one at a time)',
  );
  console.log(CPU_COLUMNS);
  const wrong: string[] = [];
  for (const name of chosen) wrong.push(...(await WORKLOADS[name](options)));
  if (args.profile) console.log(`\nCPU profiles of Pulse's gateway: ${profileDir} (written when it stops)`);
  if (wrong.length) throw new Error(`\n${wrong.length} gateway(s) gave wrong answers:\n${wrong.join('\n')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
