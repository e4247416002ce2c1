/**
 * A free loopback port for a process started next to listen on (a gateway told its port before it starts,
 * a test's child process). Picked below the kernel's ephemeral range, which a listen on port 0 and every
 * outgoing connection draw from: a port found by listening on 0 and closing could be handed to another
 * process's listen on 0 before ours binds it (CI saw services mode's gateway fail with EADDRINUSE on a
 * subgraph's port so). Chosen at random among the 8 192 ports below the range (Linux:
 * /proc/sys/net/ipv4/ip_local_port_range; 32 768 where it cannot be read, below macOS' and Windows' 49 152
 * too), checked free.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  const top = ephemeralRangeStart();
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = top - 1 - Math.floor(Math.random() * 8192);
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port found below ${top}`);
}

/** Whether a loopback port can be listened on now. */
export function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function ephemeralRangeStart(): number {
  try {
    const start = Number(
      readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0],
    );
    return Number.isInteger(start) && start > 9216 ? start : 32_768;
  } catch {
    return 32_768;
  }
}
