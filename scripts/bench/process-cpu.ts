/**
 * CPU time of the bench's processes, from Linux's /proc/<pid>/stat (utime + stime of all the process's
 * threads, in clock ticks of `getconf CLK_TCK`): measured around a run, it gives each process's CPU
 * milliseconds and its share of one core; /proc/stat tells how busy a core was, whoever used it. Elsewhere
 * than Linux there is no figure.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** What /proc/<pid>/stat says of a process: its command, its parent and its CPU time so far in ms. */
export function readProcessStat(pid: number | string): { command: string; parent: number; cpuMs: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces, in parentheses): state is field 3, ppid 4,
  // utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    command: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
    parent: Number(fields[1]),
    cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicksPerSecond(),
  };
}

/** The process's CPU time so far in ms, or null when /proc cannot tell (not Linux, process gone). */
function cpuTimeMs(pid: number): number | null {
  try {
    return readProcessStat(pid).cpuMs;
  } catch {
    return null;
  }
}

/** The time core `core` spent busy so far (user, nice, system, irq, softirq, steal) in ms, from /proc/stat. */
function coreBusyMs(core: number): number | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`cpu${core} `));
    if (!line) return null;
    const [user, nice, system, , , irq, softirq, steal] = line.split(/\s+/).slice(1).map(Number);
    const ticks = [user, nice, system, irq, softirq, steal].reduce((sum: number, t) => sum + (t ?? 0), 0);
    return (ticks * 1000) / clockTicksPerSecond();
  } catch {
    return null;
  }
}

export interface CpuUse {
  /** CPU time spent during the run. */
  ms: number;
  /** ms ÷ the run's wall-clock time: 1 is one core fully used. */
  coreShare: number;
}

/**
 * Runs `during` and returns what each named process spent in it, and how busy each named core was (by
 * whatever ran on it).
 */
export async function measureCpu<T>(
  pids: Record<string, number>,
  cores: Record<string, number>,
  during: () => Promise<T>,
): Promise<{ result: T; cpu: Record<string, CpuUse> }> {
  const readers: Record<string, () => number | null> = {
    ...Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, () => cpuTimeMs(pid)])),
    ...Object.fromEntries(Object.entries(cores).map(([name, core]) => [name, () => coreBusyMs(core)])),
  };
  const before = Object.fromEntries(Object.entries(readers).map(([name, read]) => [name, read()]));
  const started = performance.now();
  const result = await during();
  const wallMs = performance.now() - started;
  const cpu: Record<string, CpuUse> = {};
  for (const [name, read] of Object.entries(readers)) {
    const [start, end] = [before[name], read()];
    if (start == null || end == null) continue;
    cpu[name] = { ms: end - start, coreShare: (end - start) / wallMs };
  }
  return { result, cpu };
}

/**
 * Waits until process `pid` spends under 5% of a core (sampled every 250 ms), at most `timeoutMs`: a
 * gateway left with requests its client abandoned would otherwise compete with the next one measured.
 */
export async function waitUntilIdle(pid: number, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let last = cpuTimeMs(pid);
  while (last !== null && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = cpuTimeMs(pid);
    if (now === null || now - last < 12.5) return;
    last = now;
  }
}
