/**
 * CPU pinning as The Guild's benchmark does it (test.sh: taskset, the load on one core, the gateway on
 * another): `taskset -a -p -c <cpus> <pid>` sets the affinity of every thread a process has; threads it
 * starts later inherit it. Where taskset is missing or refuses, the bench says so and runs unpinned.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';

/** As test.sh on a 2-core machine: the load (and here the subgraphs) on core 0, the gateway on core 1. */
export const LOAD_CORE = 0;
export const GATEWAY_CORE = 1;

function taskset(args: string[]): { output: string } | { failed: string } {
  try {
    return { output: execFileSync('taskset', args, { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    return { failed: stderr || (error instanceof Error ? error.message : String(error)) };
  }
}

/** Pins every thread of process `pid` to `cpus` (e.g. "1" or "0-1"). */
function pinProcess(pid: number, cpus: string): string | null {
  const result = taskset(['-a', '-p', '-c', cpus, String(pid)]);
  return 'failed' in result ? `taskset -a -p -c ${cpus} ${pid}: ${result.failed}` : null;
}

/** The CPUs process `pid` may run on now (e.g. "0,1"), to restore after pinning; null if taskset cannot tell. */
function affinityOf(pid: number): string | null {
  const result = taskset(['-p', '-c', String(pid)]);
  return 'output' in result ? (result.output.split(': ')[1]?.trim() ?? null) : null;
}

/**
 * Pins this process (the load generator) to LOAD_CORE at once, then the processes it is given; or records
 * why it could not (then everything runs unpinned). `restore` gives this process its affinity back.
 */
export class Pinning {
  readonly problems: string[] = [];
  private readonly original = affinityOf(process.pid);
  readonly on: boolean;

  constructor() {
    const refused = cpus().length < 2 ? 'fewer than 2 CPUs' : pinProcess(process.pid, String(LOAD_CORE));
    if (refused) this.problems.push(refused);
    this.on = !refused;
  }

  pin(pid: number, core: number): void {
    const refused = this.on ? pinProcess(pid, String(core)) : null;
    if (refused) this.problems.push(refused);
  }

  describe(): string {
    if (!this.on) return `pinning: none, processes run unpinned (${this.problems.join('; ')})`;
    const failed = this.problems.length ? ` (failed: ${this.problems.join('; ')})` : '';
    return `pinning (taskset -a -p -c, as test.sh): load generator and subgraphs on core ${LOAD_CORE}, each gateway on core ${GATEWAY_CORE}${failed}`;
  }

  /** This process's affinity as before, for a workload that follows. */
  restore(): void {
    if (this.on && this.original) pinProcess(process.pid, this.original);
  }
}
