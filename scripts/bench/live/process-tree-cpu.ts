/**
 * CPU time of groups of processes for bench:live, from Linux's /proc: a platform's whole process tree (a
 * launcher, its subgraph processes, gateway workers) and every process of one program (PostgreSQL's
 * backends, Redis). A process that starts during a run counts from zero; one that ends during it loses its
 * share (a killed process is not expected in a measured run).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readProcessStat } from '../process-cpu';

interface ProcessStat {
  pid: number;
  parent: number;
  command: string;
  cpuMs: number;
}

function readStats(): ProcessStat[] {
  const stats: ProcessStat[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      stats.push({ pid: Number(entry), ...readProcessStat(entry) });
    } catch {
      // The process ended while /proc was read.
    }
  }
  return stats;
}

function descendantsOf(root: number, stats: ProcessStat[]): ProcessStat[] {
  const children = new Map<number, ProcessStat[]>();
  for (const stat of stats) children.set(stat.parent, [...(children.get(stat.parent) ?? []), stat]);
  const found = stats.filter((s) => s.pid === root);
  for (let i = 0; i < found.length; i += 1) found.push(...(children.get(found[i]!.pid) ?? []));
  return found;
}

/** What to measure: a process tree by its root's pid, or every process whose command is this name. */
export type ProcessGroup = { tree: number } | { command: string };

function cpuByPid(group: ProcessGroup): Map<number, number> {
  const stats = readStats();
  const members =
    'tree' in group ? descendantsOf(group.tree, stats) : stats.filter((s) => s.command === group.command);
  return new Map(members.map((s) => [s.pid, s.cpuMs]));
}

/** A process's name for a report: the script it runs and that script's argument (a subgraph's name). */
function labelOf(pid: number): string {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const script = args.findIndex((a) => a.endsWith('.ts'));
    if (script === -1) return `${args[0]?.split('/').pop() ?? '?'} ${pid}`;
    const name = args[script]!.split('/').pop()!.replace(/\.ts$/, '');
    return [name, ...args.slice(script + 1).filter((a) => !a.startsWith('-'))].join(' ');
  } catch {
    return String(pid);
  }
}

/** The busiest processes of a tree since `before` (cores each), named by what they run, busiest first. */
function busiestOf(before: Map<number, number>, now: Map<number, number>, wallMs: number, count: number) {
  return [...now]
    .map(([pid, ms]) => ({ pid, cores: (ms - (before.get(pid) ?? 0)) / wallMs }))
    .sort((a, b) => b.cores - a.cores)
    .slice(0, count)
    .map(({ pid, cores }) => `${labelOf(pid)} ${cores.toFixed(2)}`);
}

/** Starts measuring a process tree; the returned function tells its busiest processes since (cores each). */
export function startBusiestMeter(root: number, count = 5): () => string[] {
  const before = cpuByPid({ tree: root });
  const started = performance.now();
  return () => busiestOf(before, cpuByPid({ tree: root }), performance.now() - started, count);
}

/** Starts measuring; the returned function tells the cores each group used since (1 = one core busy). */
export function startCpuMeter(groups: Record<string, ProcessGroup>): () => Record<string, number> {
  const before = Object.fromEntries(Object.entries(groups).map(([name, group]) => [name, cpuByPid(group)]));
  const started = performance.now();
  return () => {
    const wallMs = performance.now() - started;
    return Object.fromEntries(
      Object.entries(groups).map(([name, group]) => {
        let spent = 0;
        for (const [pid, ms] of cpuByPid(group)) spent += ms - (before[name]!.get(pid) ?? 0);
        return [name, spent / wallMs];
      }),
    );
  };
}

/**
 * Waits until the groups together use less than `cores` over a whole second (the work a step left behind —
 * finished workouts' figures, awards, feeds, insights — is done), at most `maxMs`; resolves with the
 * milliseconds waited.
 */
export async function waitUntilQuiet(
  groups: Record<string, ProcessGroup>,
  cores: number,
  maxMs: number,
): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < maxMs) {
    const meter = startCpuMeter(groups);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const used = Object.values(meter()).reduce((sum, c) => sum + c, 0);
    if (used < cores) break;
  }
  return performance.now() - started;
}
