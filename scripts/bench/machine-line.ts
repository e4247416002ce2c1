/** The line a bench prints first: the machine it ran on and how busy it was at the start. */
import { cpus, loadavg, platform, release, totalmem } from 'node:os';

export function machineLine(): string {
  const cpu = cpus();
  const load = loadavg().map((l) => l.toFixed(1));
  const memory = `${Math.round(totalmem() / 2 ** 20).toLocaleString('en-US')} MB`;
  return (
    `machine: ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length}, ${memory} memory, ` +
    `${platform()} ${release()}, node ${process.version}; load average ${load.join(' ')} at start ` +
    `(figures are noisy above ${cpu.length})`
  );
}
