/** The one public endpoint: @apollo/gateway serving a composed supergraph, with JWT verification. */
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { TokenVerifier } from '../../lib/auth/jwt-verifier';
import type { Config } from '../../lib/config/config';
import { authenticateRequest } from '../../lib/auth/authenticate-request';
import { bearerToken, requireViewer } from '../../lib/auth/viewer';
import { sendRestError } from '../../lib/server/rest-errors';
import { createErrorFormatter } from '../../lib/errors/format-error';
import type { Logger } from '../../lib/logging/logger';
import { createHttpApp, jsonErrorHandler } from '../../lib/server/http-app';
import { createHttpServer, listen, localUrl } from '../../lib/server/listen';
import type { RunningServer } from '../../lib/server/subgraph-server';
import type { GatewayContext } from './gateway-context';
import { checkSubgraphs } from './readiness';
import { SubgraphDataSource } from './subgraph-data-source';
import type { LoadedSupergraph } from './supergraph-file';

/**
 * Plain HTTP endpoints of subgraphs, served on the gateway's port too (path prefix → subgraph). The
 * subgraph authenticates them with the same access token as GraphQL.
 */
export const HTTP_ROUTES: Record<string, string> = {
  '/telemetry': 'training',
  '/imports': 'training',
  '/exports': 'training',
};

export interface GatewayOptions {
  /** The whole configuration: each gateway feature reads its own part (limits, CORS, tracing, …). */
  config: Config;
  supergraph: LoadedSupergraph;
  verifier: TokenVerifier;
  host: string;
  publicHost: string;
  port: number;
  logger: Logger;
}

export async function startGateway(options: GatewayOptions): Promise<RunningServer> {
  const { supergraph, verifier, logger, config } = options;
  // Apollo Sandbox as landing page and introspection: off in production unless SANDBOX=true.
  const sandbox = config.gateway.sandbox;
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.sdl,
    buildService: ({ name, url }) => new SubgraphDataSource({ url: supergraph.subgraphUrls[name] ?? url }),
    logger,
  });
  const httpServer = createHttpServer();
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    // Shutdown is Pulse's (lib/server/shutdown.ts): Apollo's own signal handlers would race it.
    stopOnTerminationSignals: false,
    introspection: sandbox,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      sandbox
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
    ],
  });
  let loaded = false;
  await apollo.start();
  loaded = true;

  const app = createHttpApp({
    logger,
    ready: async () => {
      if (!loaded) throw new Error('supergraph not loaded yet');
      await checkSubgraphs(supergraph.subgraphUrls);
    },
  });
  for (const [path, subgraph] of Object.entries(HTTP_ROUTES)) {
    const url = supergraph.subgraphUrls[subgraph];
    if (!url) continue;
    // Bad or missing tokens stop here, as for /graphql; the subgraph verifies the token again.
    app.use(path, async (req, res, next) => {
      try {
        const token = bearerToken(req.headers.authorization);
        requireViewer(token ? await verifier.verify(token) : null);
        next();
      } catch (error) {
        sendRestError(res, error, logger);
      }
    });
    app.use(
      createProxyMiddleware({
        target: new URL(url).origin,
        pathFilter: path,
        changeOrigin: true,
        xfwd: true,
      }),
    );
  }
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        ...(await authenticateRequest(verifier, req.headers.authorization)),
        correlationId: String(req.headers['x-correlation-id']),
      }),
    }),
  );
  app.use(jsonErrorHandler(logger));

  const listening = await listen(httpServer, app, options.host, options.port);
  const url = localUrl(options.publicHost, listening.port, '/graphql');
  logger.info({ url, subgraphs: supergraph.subgraphUrls }, 'gateway listening');
  return {
    name: 'gateway',
    url,
    port: listening.port,
    stop: async () => {
      await apollo.stop();
      await listening.close();
    },
  };
}
