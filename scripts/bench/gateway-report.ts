/** Prints the gateway benchmark's figures: one table per scenario, with Pulse's ratios to the others. */
import { cpus, loadavg, release, platform as osName } from 'node:os';
import type { LoadFigures } from './gateway-load';

export type Outcome = { figures: LoadFigures } | { notMeasured: string };

export interface ScenarioResult {
  title: string;
  outcomes: Record<string, Outcome>;
}

export function machineInfo(): string {
  const cpu = cpus();
  return [
    `machine: ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length}, ${osName()} ${release()}, Node.js ${process.version}`,
    `load average before the run: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
  ].join('\n');
}

const number = (value: number, decimals = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

function ratio(a: Outcome | undefined, b: Outcome | undefined): string {
  if (!a || !b || !('figures' in a) || !('figures' in b) || b.figures.requestsPerSecond === 0) return 'n/a';
  return `${(a.figures.requestsPerSecond / b.figures.requestsPerSecond).toFixed(2)}×`;
}

export function formatScenario(result: ScenarioResult, reference: string): string {
  const header = ['gateway', 'requests/s', 'p50 ms', 'p99 ms', 'requests', 'errors', 'non-2xx', 'wrong body'];
  const rows = Object.entries(result.outcomes).map(([name, outcome]) =>
    'figures' in outcome
      ? [
          name,
          number(outcome.figures.requestsPerSecond, 1),
          number(outcome.figures.p50Ms),
          number(outcome.figures.p99Ms),
          number(outcome.figures.requests),
          number(outcome.figures.errors),
          number(outcome.figures.non2xx),
          number(outcome.figures.wrongBodies),
        ]
      : [name, `not measured: ${outcome.notMeasured}`],
  );
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (r.length > 2 ? (r[i] ?? '') : '').length)),
  );
  const line = (cells: string[]) =>
    cells.length === 2 && cells !== header
      ? `| ${cells[0]!.padEnd(widths[0]!)} | ${cells[1]}`
      : `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const ratios = Object.keys(result.outcomes)
    .filter((name) => name !== reference)
    .map((name) => `${reference} ÷ ${name}: ${ratio(result.outcomes[reference], result.outcomes[name])}`);
  return [`\n${result.title}`, line(header), ...rows.map(line), ratios.join('   ')].join('\n');
}
