/**
 * Where each process of `npm run start:services` listens: the ports of supergraph.yaml's routing URLs and
 * PORT (default 4000) for the gateway; with `--ephemeral-ports` free ones (tests, a second copy beside
 * `npm start`); with `--base-port <n>` the gateway on n and the subgraphs on n+1, n+2, … in
 * supergraph.yaml's order. PORT wins for the gateway whatever the option.
 */
import { freePort } from '../../lib/server/free-port';
import type { SubgraphEntry } from '../../lib/supergraph-config';
import { DEFAULT_GATEWAY_PORT } from './child-env';

export const PORTS_USAGE = '--ephemeral-ports | --base-port <port>';

export type PortsOption = { kind: 'supergraph' } | { kind: 'ephemeral' } | { kind: 'base'; base: number };

/** The option among the command's arguments; null when they are not one of PORTS_USAGE. */
export function portsOptionOf(args: string[]): PortsOption | null {
  if (args.length === 0) return { kind: 'supergraph' };
  if (args.length === 1 && args[0] === '--ephemeral-ports') return { kind: 'ephemeral' };
  const base = Number(args[1]);
  const valid = Number.isInteger(base) && base > 0 && base < 65_528;
  return args.length === 2 && args[0] === '--base-port' && valid ? { kind: 'base', base } : null;
}

export interface PortPlan {
  gateway: number;
  /** A subgraph's port; 0: any free one (it says which once it listens). */
  subgraph(name: string): number;
}

export async function planPorts(
  option: PortsOption,
  entries: SubgraphEntry[],
  gatewayPortVariable: string | undefined,
): Promise<PortPlan> {
  const gateway = gatewayPortVariable
    ? Number(gatewayPortVariable)
    : option.kind === 'ephemeral'
      ? // Chosen now: the subgraphs started before it are told where links should lead (APP_URL).
        await freePort()
      : option.kind === 'base'
        ? option.base
        : DEFAULT_GATEWAY_PORT;
  const subgraph = (name: string) => {
    const index = entries.findIndex((entry) => entry.name === name);
    if (index === -1) throw new Error(`supergraph.yaml lists no subgraph "${name}".`);
    if (option.kind === 'ephemeral') return 0;
    if (option.kind === 'base') return option.base + 1 + index;
    return Number(new URL(entries[index]!.routingUrl).port);
  };
  return { gateway, subgraph };
}
