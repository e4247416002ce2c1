import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { canListen, freePort } from './free-port';

describe('freePort', () => {
  it('gives a port below the range a listen on port 0 draws from, free to listen on', async () => {
    const linux = existsSync('/proc/sys/net/ipv4/ip_local_port_range');
    const rangeStart = linux
      ? Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').split(/\s+/)[0])
      : 32_768;
    const port = await freePort();
    expect(port).toBeLessThan(rangeStart);
    expect(port).toBeGreaterThanOrEqual(rangeStart - 8192);
    expect(await canListen(port)).toBe(true);
  });

  it('tells a port someone listens on from a free one', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      expect(await canListen(port)).toBe(false);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
