/** Starts an HTTP server and stops it cleanly: no new connections, in-flight requests finish. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { drainable } from './drain';
import { markStopping } from './http-app';

/**
 * How long a Pulse server keeps an idle keep-alive connection: longer than the idle timeout of the load
 * balancers usually put in front (60 s), and than the gateway's subgraph connections
 * (gateway/src/subgraph-fetcher.ts), so that the client always closes first and never sends a request
 * onto a connection the server is closing.
 */
export const SERVER_KEEP_ALIVE_MS = 65_000;

export interface Listening {
  server: Server;
  port: number;
  /** Turns /ready to 503, then drains the server: see lib/server/drain.ts. */
  close(graceMs?: number): Promise<void>;
}

/** Creates the server first so that Apollo's drain plugin can be given it before it listens. */
export function createHttpServer(): Server {
  return createServer();
}

/** Serves `app` on `server`, kept-alive connections lasting SERVER_KEEP_ALIVE_MS. */
export async function listen(server: Server, app: Express, host: string, port: number): Promise<Listening> {
  server.on('request', app);
  server.keepAliveTimeout = SERVER_KEEP_ALIVE_MS;
  const drain = drainable(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: async (graceMs = 0) => {
      markStopping(app);
      await drain.drain(graceMs);
    },
  };
}

/** The URL clients on this machine use, whatever interface the server is bound to. */
export function localUrl(publicHost: string, port: number, path = ''): string {
  return `http://${publicHost}:${port}${path}`;
}
