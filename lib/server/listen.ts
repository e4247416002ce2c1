/** Starts an HTTP server and stops it cleanly: no new connections, in-flight requests finish. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface Listening {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/** Creates the server first so that Apollo's drain plugin can be given it before it listens. */
export function createHttpServer(): Server {
  return createServer();
}

export async function listen(server: Server, app: Express, host: string, port: number): Promise<Listening> {
  server.on('request', app);
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
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

/** The URL clients on this machine use, whatever interface the server is bound to. */
export function localUrl(publicHost: string, port: number, path = ''): string {
  return `http://${publicHost}:${port}${path}`;
}
