import { readSupergraphConfig } from '../../lib/supergraph-config';
import { planPorts, portsOptionOf } from './ports';

const entries = readSupergraphConfig();

describe('portsOptionOf', () => {
  it('reads no option, --ephemeral-ports or --base-port <n>, and nothing else', () => {
    expect(portsOptionOf([])).toEqual({ kind: 'supergraph' });
    expect(portsOptionOf(['--ephemeral-ports'])).toEqual({ kind: 'ephemeral' });
    expect(portsOptionOf(['--base-port', '5000'])).toEqual({ kind: 'base', base: 5000 });
    expect(portsOptionOf(['--base-port', 'x'])).toBeNull();
    expect(portsOptionOf(['--base-port', '65530'])).toBeNull();
    expect(portsOptionOf(['--ephemeral'])).toBeNull();
  });
});

describe('planPorts', () => {
  it('puts the subgraphs on their routing_url ports and the gateway on PORT, else 4000', async () => {
    const plan = await planPorts({ kind: 'supergraph' }, entries, undefined);
    expect(plan.gateway).toBe(4000);
    expect(plan.subgraph('identity')).toBe(4001);
    expect(plan.subgraph('social')).toBe(4007);
    expect((await planPorts({ kind: 'supergraph' }, entries, '4100')).gateway).toBe(4100);
  });

  it("counts from --base-port in supergraph.yaml's order", async () => {
    const plan = await planPorts({ kind: 'base', base: 5000 }, entries, undefined);
    expect([plan.gateway, ...entries.map((entry) => plan.subgraph(entry.name))]).toEqual([
      5000, 5001, 5002, 5003, 5004, 5005, 5006, 5007,
    ]);
  });

  it('leaves the subgraphs any free port with --ephemeral-ports, and picks one for the gateway now', async () => {
    const plan = await planPorts({ kind: 'ephemeral' }, entries, undefined);
    expect(plan.gateway).toBeGreaterThan(1024);
    // Below the kernel's range for listens on port 0, so no subgraph can be given it before the gateway binds.
    expect(plan.gateway).toBeLessThan(32_768);
    expect(plan.subgraph('training')).toBe(0);
    expect(() => plan.subgraph('search')).toThrow('supergraph.yaml lists no subgraph "search".');
  });
});
