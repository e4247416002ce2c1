/**
 * bench:live's bare stack: what the live load costs on Pulse's stack with nothing of Pulse's own — plain
 * @apollo/gateway in Apollo Server 5 on Express, on as many processes sharing the port as services mode's
 * gateway has (node:cluster, GATEWAY_WORKERS, default 2), in front of the plain subgraph of
 * bare-subgraph.ts (its own process) storing each batch with one INSERT. Started by bench:live like a
 * platform: PORT, DATABASE_URL; /ready once a gateway composed the subgraph; SIGTERM stops everything.
 */
import cluster from 'node:cluster';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { keepApolloTelemetryOff } from '../../../../lib/config/apollo-telemetry';
import { repoRoot } from '../../../../lib/paths';
import { freePort } from '../../../../lib/server/free-port';
import { SERVER_KEEP_ALIVE_MS } from '../../../../lib/server/listen';

/** The subgraph, then the gateway workers; stops them all on SIGTERM. */
async function primary() {
  const port = await freePort();
  const subgraph = fork(join(repoRoot, 'scripts/bench/live/bare-stack/bare-subgraph.ts'), {
    env: { ...process.env, PORT: String(port) },
    execArgv: ['--import', 'tsx', '--max-semi-space-size=64'],
  });
  await new Promise<void>((resolve, reject) => {
    subgraph.once('message', () => resolve());
    subgraph.once('exit', (code) => reject(new Error(`the bare subgraph exited with code ${code}`)));
  });
  const workers = Array.from({ length: Number(process.env.GATEWAY_WORKERS ?? 2) }, () =>
    cluster.fork({ BARE_SUBGRAPH_URL: `http://127.0.0.1:${port}/graphql` }),
  );
  process.once('SIGTERM', () => {
    for (const worker of workers) worker.kill('SIGTERM');
    subgraph.kill('SIGTERM');
    process.exit(0);
  });
}

async function worker() {
  const gateway = new ApolloGateway({
    supergraphSdl: new IntrospectAndCompose({
      subgraphs: [{ name: 'telemetry', url: process.env.BARE_SUBGRAPH_URL! }],
    }),
    // Node's own fetch: @apollo/gateway's default (make-fetch-happen) opens at most 15 connections to a
    // subgraph, a queue Pulse's gateway (256) does not have.
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource({ url, fetcher: (to, init) => fetch(to, init as RequestInit) }),
  });
  const server = new ApolloServer({ gateway });
  await server.start();
  const app = express();
  app.get('/ready', (_req, res) => void res.json({ status: 'ready' }));
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(server));
  const http = app.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
  // Node's 5 s would close kept-alive connections under the phones' feet (ECONNRESET): Pulse's setting.
  http.keepAliveTimeout = SERVER_KEEP_ALIVE_MS;
}

keepApolloTelemetryOff();
void (cluster.isPrimary ? primary() : worker());
