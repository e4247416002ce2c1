/**
 * Prints the gateway benchmark's figures: one table per scenario (or group of gateways), the CPU each
 * process spent during the measured run, and the ratios asked for (requests/s and CPU per request).
 */
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

/** What the CPU columns of the tables mean. */
export const CPU_COLUMNS = [
  "CPU columns, over each measured run, from /proc/<pid>/stat (utime + stime, all threads): 'gw CPU ms/req' the",
  "gateway process's CPU ms ÷ completed requests; 'gw core', 'subgraphs core', 'load gen core': each process's CPU",
  "time ÷ wall-clock time (100% = one core busy); where the subgraphs count their requests, 'subgraph fetches/req'",
  "and 'subgraph µs CPU/fetch' (the subgraphs process's CPU time ÷ the requests it served); where the gateways are",
  "pinned, 'others on gw core': how busy /proc/stat says their core was with anything but the gateway measured.",
].join('\n');

const number = (value: number, decimals = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
const percent = (share: number | undefined) => (share === undefined ? '?' : `${Math.round(share * 100)}%`);

/** The gateway's CPU milliseconds per completed request over the measured run. */
function cpuMsPerRequest(f: LoadFigures): number | undefined {
  const gateway = f.cpu.gateway;
  return gateway && f.requests > 0 ? gateway.ms / f.requests : undefined;
}

const COLUMNS: { header: string; cell: (f: LoadFigures) => string | undefined }[] = [
  { header: 'requests/s', cell: (f) => number(f.requestsPerSecond, 1) },
  { header: 'p50 ms', cell: (f) => number(f.p50Ms) },
  { header: 'p99 ms', cell: (f) => number(f.p99Ms) },
  { header: 'requests', cell: (f) => number(f.requests) },
  { header: 'errors', cell: (f) => number(f.errors) },
  { header: 'non-2xx', cell: (f) => number(f.non2xx) },
  { header: 'wrong body', cell: (f) => number(f.wrongBodies) },
  {
    header: 'gw CPU ms/req',
    cell: (f) => (cpuMsPerRequest(f) === undefined ? '?' : number(cpuMsPerRequest(f)!, 2)),
  },
  { header: 'gw core', cell: (f) => percent(f.cpu.gateway?.coreShare) },
  {
    header: 'others on gw core',
    cell: (f) =>
      f.cpu['gateway core'] && f.cpu.gateway
        ? percent(Math.max(0, f.cpu['gateway core'].coreShare - f.cpu.gateway.coreShare))
        : undefined,
  },
  { header: 'subgraphs core', cell: (f) => percent(f.cpu.subgraphs?.coreShare) },
  { header: 'load gen core', cell: (f) => percent(f.cpu['load generator']?.coreShare) },
  {
    header: 'subgraph fetches/req',
    cell: (f) => (f.subgraphRequests === undefined ? undefined : number(f.subgraphRequests / f.requests, 1)),
  },
  {
    header: 'subgraph µs CPU/fetch',
    cell: (f) =>
      f.subgraphRequests && f.cpu.subgraphs
        ? number((f.cpu.subgraphs.ms * 1000) / f.subgraphRequests)
        : undefined,
  },
];

function ratio(a: number | undefined, b: number | undefined): string {
  return a === undefined || b === undefined || b === 0 ? 'n/a' : `${(a / b).toFixed(2)}×`;
}

/** `a ÷ b` for requests/s and for gateway CPU per request. */
function comparison(result: ScenarioResult, [a, b]: [string, string]): string {
  const [fa, fb] = [result.outcomes[a], result.outcomes[b]].map((o) =>
    o && 'figures' in o ? o.figures : undefined,
  );
  const cpuRatio = ratio(fa && cpuMsPerRequest(fa), fb && cpuMsPerRequest(fb));
  return `${a} ÷ ${b}: requests/s ${ratio(fa?.requestsPerSecond, fb?.requestsPerSecond)}, CPU/request ${cpuRatio}`;
}

export function formatScenario(result: ScenarioResult, comparisons: [string, string][]): string {
  const measured = Object.values(result.outcomes).flatMap((o) => ('figures' in o ? [o.figures] : []));
  const columns = COLUMNS.filter((c) => measured.some((f) => c.cell(f) !== undefined));
  const header = ['gateway', ...columns.map((c) => c.header)];
  const rows = Object.entries(result.outcomes).map(([name, outcome]) =>
    'figures' in outcome
      ? [name, ...columns.map((c) => c.cell(outcome.figures) ?? '')]
      : [name, `not measured: ${outcome.notMeasured}`],
  );
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (r.length > 2 || i === 0 ? (r[i] ?? '') : '').length)),
  );
  const line = (cells: string[]) =>
    cells.length === 2 && cells !== header
      ? `| ${cells[0]!.padEnd(widths[0]!)} | ${cells[1]}`
      : `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [
    `\n${result.title}`,
    line(header),
    ...rows.map(line),
    ...comparisons.map((pair) => comparison(result, pair)),
  ].join('\n');
}
