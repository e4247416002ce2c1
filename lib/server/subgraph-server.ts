/**
 * Serves one federated subgraph: Apollo Server 5 + buildSubgraphSchema behind the shared HTTP shell, and,
 * when the schema has a Subscription type, GraphQL over WebSocket (graphql-transport-ws) on the same path.
 */
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import express, { type Express } from 'express';
import type { DocumentNode } from 'graphql';
import { authenticateRequest } from '../auth/authenticate-request';
import type { TokenVerifier } from '../auth/jwt-verifier';
import { createErrorFormatter } from '../errors/format-error';
import type { RequestContext } from '../graphql/context';
import { clientAddressOf } from './client-address';
import { enforceAuthDirective } from '../graphql/auth-directive';
import { inputRulesOf, inputRulesPlugin, labelLiteralArguments } from '../graphql/input';
import type { Config } from '../config/config';
import { getConfig } from '../config/config';
import type { DatabaseTarget } from '../db/database-target';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../logging/logger';
import { graphqlSpanPlugin } from '../tracing/graphql-span-plugin';
import { traceRequests } from '../tracing/request-span';
import { flushTracing, setUpTracing } from '../tracing/tracing';
import { serveWebSockets } from './graphql-ws';
import { createSubgraphProtection } from './subgraph-protection';
import { createHttpApp, jsonErrorHandler, markStopping } from './http-app';
import { createHttpServer, listen, localUrl } from './listen';

export interface RunningServer {
  name: string;
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** What a launcher gives a context it serves (lib/context/start-context.ts). */
export interface SubgraphStartOptions {
  config: Config;
  database: DatabaseTarget;
  host: string;
  port: number;
  logger: Logger;
  /** Where identity publishes its public keys (ignored by identity itself). */
  jwksUrl: string;
  /** The event bus shared by the contexts (Kafka, or in-process in embedded mode). */
  bus: EventBus;
}

export interface SubgraphServerOptions {
  name: string;
  /** Read for the query limits, SUBGRAPH_SECRET and the sandbox switch (lib/server/subgraph-protection.ts). */
  config: Config;
  typeDefs: DocumentNode;
  // The generated resolver types are stricter than @apollo/subgraph's map; each subgraph checks its own.
  resolvers: unknown;
  host: string;
  publicHost: string;
  port: number;
  verifier: TokenVerifier;
  logger: Logger;
  ready: () => Promise<void>;
  /** Extra HTTP routes (e.g. identity's JWKS), mounted before /graphql. */
  routes?: (app: Express) => void;
  /** Releases what the subgraph holds (database clients), after the server stopped taking requests. */
  onStop?: () => Promise<void>;
}

export async function startSubgraphServer(options: SubgraphServerOptions): Promise<RunningServer> {
  try {
    return await serve(options);
  } catch (error) {
    // E.g. the port is taken: release the database before reporting the failure.
    await options.onStop?.().catch(() => undefined);
    throw error;
  }
}

async function serve(options: SubgraphServerOptions): Promise<RunningServer> {
  const { logger, verifier } = options;
  const httpServer = createHttpServer();
  // Fields carrying @auth check the caller before their resolvers run (lib/graphql/auth-directive.ts).
  const schema = enforceAuthDirective(
    buildSubgraphSchema([
      { typeDefs: options.typeDefs, resolvers: options.resolvers as GraphQLResolverMap<RequestContext> },
    ]),
  );
  // Strings and Pulse's scalars are checked before any resolver runs (lib/graphql/input).
  const inputRules = inputRulesOf(options.typeDefs);
  // The gateway's query limits, `_service` and `_entities` for the gateway only, no schema hints in production.
  const protection = createSubgraphProtection(options.config, logger);
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: protection.introspection,
    validationRules: [labelLiteralArguments],
    formatError: createErrorFormatter(logger, { hideSuggestions: protection.hideSuggestions }),
    includeStacktraceInErrorResponses: false,
    // Shutdown is Pulse's (lib/server/shutdown.ts): Apollo's own signal handlers would race it.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Apollo's usage-reporting traces go to GraphOS, which Pulse does not use.
      ApolloServerPluginInlineTraceDisabled(),
      graphqlSpanPlugin(),
      inputRulesPlugin(() => inputRules),
      ...protection.plugins,
    ],
  });
  await apollo.start();

  // Tracing is per process and configured from its environment (the launchers parse the same one).
  setUpTracing(getConfig().tracing);
  const app = createHttpApp({ logger, ready: options.ready });
  app.use(protection.directCallers);
  options.routes?.(app);
  app.use(
    '/graphql',
    // Continues the gateway's trace (its `traceparent` header) in a span of this subgraph.
    traceRequests(`pulse.subgraph.${options.name}`, 'subgraph.request'),
    express.json({ limit: '1mb' }),
    ...protection.httpGuards,
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const { viewer } = await authenticateRequest(verifier, req.headers.authorization);
        const correlationId = String(req.headers['x-correlation-id']);
        const clientAddress = clientAddressOf(req, protection.fromGateway(req));
        return { viewer, correlationId, clientAddress, logger: logger.child({ userId: viewer?.userId }) };
      },
    }),
  );
  app.use(jsonErrorHandler(logger));

  const listening = await listen(httpServer, app, options.host, options.port);
  const webSockets = schema.getSubscriptionType()
    ? serveWebSockets(httpServer, schema, inputRules, verifier, logger, protection.webSockets)
    : null;
  const url = localUrl(options.publicHost, listening.port, '/graphql');
  logger.info({ url, subscriptions: Boolean(webSockets) }, 'subgraph listening');
  return {
    name: options.name,
    url,
    port: listening.port,
    stop: async () => {
      markStopping(app);
      // Open sockets would keep the drain (which closes the HTTP server) waiting: close them first.
      await webSockets?.stop();
      // Requests in flight finish before Apollo stops and onStop closes the stores they use.
      await listening.close(options.config.http.shutdownGraceMs);
      await apollo.stop();
      await protection.close();
      await flushTracing();
      await options.onStop?.();
    },
  };
}
