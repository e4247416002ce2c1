/**
 * Stopping an HTTP server without cutting requests: it stops accepting connections, lets the requests in
 * flight (uploads still arriving included) finish, closes keep-alive connections as they fall idle, and
 * destroys what is left only when the grace period is over.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** Starts tracking the server's requests now; `drain` stops it gracefully later. */
export function drainable(server: Server): { drain(graceMs: number): Promise<void> } {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight.add(res);
    if (draining) closeAfter(res);
    res.once('close', () => {
      inFlight.delete(res);
      // A keep-alive connection whose answer went out before the drain began would otherwise stay open
      // until its keep-alive timeout, holding the server's close.
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
  });
  return {
    async drain(graceMs) {
      draining = true;
      for (const res of inFlight) closeAfter(res);
      let timer: NodeJS.Timeout | undefined;
      // close() stops accepting and closes idle connections; its callback waits for every connection.
      const closed = new Promise<boolean>((resolve) => server.close(() => resolve(true)));
      const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
      const inTime = await Promise.race([closed, late]);
      clearTimeout(timer);
      if (!inTime) server.closeAllConnections();
    },
  };
}

/** The client learns with this answer that the connection ends: it sends nothing more on it. */
function closeAfter(res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('connection', 'close');
}
