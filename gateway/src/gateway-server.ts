/** The one public endpoint: @apollo/gateway serving a composed supergraph, with JWT verification. */
import { resolve } from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageProductionDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { parse } from 'graphql';
import type { TokenVerifier } from '../../lib/auth/jwt-verifier';
import type { Config } from '../../lib/config/config';
import type { GatewayHttpRoute } from '../../lib/context/http-routes';
import { authenticateRequest, type Authentication } from '../../lib/auth/authenticate-request';
import { createErrorFormatter } from '../../lib/errors/format-error';
import { inputRulesOf, inputRulesPlugin, labelLiteralArguments } from '../../lib/graphql/input';
import { checkQueryLimits } from '../../lib/graphql/limits/query-limits-plugin';
import type { Logger } from '../../lib/logging/logger';
import { createHttpApp, jsonErrorHandler, markStopping } from '../../lib/server/http-app';
import { createHttpServer, listen, localUrl } from '../../lib/server/listen';
import type { RunningServer } from '../../lib/server/subgraph-server';
import { keepApolloTelemetryOff } from '../../lib/config/apollo-telemetry';
import { authCheckPlugin } from './auth/auth-check-plugin';
import { assertOperationAccess } from './auth/operation-access';
import { supergraphAuthRequirements } from './auth/supergraph-auth';
import { inboundDedup } from './dedup/gateway-dedup';
import { keepRawBody, leaderTicketOf } from './dedup/inflight-request-dedup';
import { EXPLORER_PATH, explorerRouter } from './explorer/explorer-routes';
import { sandboxLandingPage } from './explorer/sandbox-landing-page';
import { webAppRouter } from './web/web-routes';
import type { GatewayContext } from './gateway-context';
import { gatewayObservability } from './observability/gateway-observability';
import { mountPartnerApi, PARTNER_API_PATH, type PartnerApi } from './partner/partner-api';
import { partnerApiSetup } from './partner/partner-supergraph';
import { createGatewayProtection } from './limits/gateway-protection';
import { checkSubgraphs } from './readiness';
import { executableOperationPlugin } from './executable-operation-plugin';
import { mountHttpRoutes } from './routes/http-routes';
import { createSubgraphDataSources } from './subgraph-data-source';
import { createGatewaySubscriptions } from './subscriptions/subscription-server';
import type { LoadedSupergraph } from './supergraph-file';

export interface GatewayOptions {
  /** The whole configuration: each gateway feature reads its own part (limits, CORS, tracing, …). */
  config: Config;
  supergraph: LoadedSupergraph;
  /**
   * The contexts' plain HTTP routes, served on the gateway's port with /graphql's checks and proxied to
   * their subgraph (the launcher reads them from the context descriptors: scripts/contexts.ts).
   */
  routes: readonly GatewayHttpRoute[];
  /**
   * The partner contract for /partner/graphql; default: the file at PARTNER_SUPERGRAPH_PATH if there is
   * one, reached like `supergraph`. Without an identity subgraph there is no partner API.
   */
  partnerSupergraph?: LoadedSupergraph;
  verifier: TokenVerifier;
  host: string;
  publicHost: string;
  port: number;
  logger: Logger;
}

export interface RunningGateway extends RunningServer {
  /**
   * Serves another composed supergraph without a restart: new requests are planned against it at once;
   * active subscriptions end with SUPERGRAPH_RELOADED (clients resubscribe). The partner contract stays.
   */
  reload(supergraph: LoadedSupergraph): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { verifier, logger, config } = options;
  // The supergraph served now (SIGHUP or reload() swaps it).
  let supergraph = options.supergraph;
  let updateSupergraph: ((sdl: string) => void) | null = null;
  // Apollo Sandbox (or offline the local explorer) as landing page, and introspection: off in production
  // unless SANDBOX=true.
  const sandbox = config.gateway.sandbox;
  // Query limits, rate limits, CORS, persisted operations, subgraph deadlines (gateway/src/limits/).
  const protection = createGatewayProtection({ config, verifier, logger });
  // Every call to a subgraph (queries, the partner API, subscription events) is built by this one factory:
  // deadline, query retries, kept-alive connections, identical in-flight queries sent once, tracing.
  const dataSources = createSubgraphDataSources(config);
  keepApolloTelemetryOff();
  const gateway = new ApolloGateway({
    supergraphSdl: async ({ update }) => {
      updateSupergraph = update;
      return { supergraphSdl: supergraph.sdl };
    },
    buildService: ({ name, url }) => dataSources({ name, url: supergraph.subgraphUrls[name] ?? url }),
    logger,
  });
  const httpServer = createHttpServer();
  let authRequirements = supergraphAuthRequirements(supergraph.sdl);
  let inputRules = inputRulesOf(parse(supergraph.sdl));
  const observability = gatewayObservability<GatewayContext>(config);
  const dedup = inboundDedup(config, verifier);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // With introspection off, "Did you mean …?" would reveal the schema bit by bit.
    formatError: protection.formatError(createErrorFormatter(logger, { hideSuggestions: !sandbox })),
    includeStacktraceInErrorResponses: false,
    // Shutdown is Pulse's (lib/server/shutdown.ts): Apollo's own signal handlers would race it.
    stopOnTerminationSignals: false,
    introspection: sandbox,
    persistedQueries: protection.persistedQueries,
    // A JSON array of operations is accepted, up to GATEWAY_MAX_BATCH of them (protection.graphqlGuards).
    allowBatchedHttpRequests: true,
    validationRules: [labelLiteralArguments],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      sandbox
        ? sandboxLandingPage<GatewayContext>()
        : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
      ...observability.plugins,
      // @auth is checked before planning: a refused operation never reaches a subgraph.
      authCheckPlugin<GatewayContext>(() => authRequirements),
      // Strings, `@length` and Pulse's scalars are checked before planning, as the subgraphs check them.
      inputRulesPlugin<GatewayContext>(() => inputRules),
      executableOperationPlugin<GatewayContext>(),
      ...protection.plugins,
      // What the requests sharing a leader's answer need to know of it.
      ...dedup.plugins,
    ],
  });
  // Loads the supergraph (and throws on one it cannot serve): the app below exists only once it is loaded.
  await apollo.start();

  const app = createHttpApp({
    logger,
    // Ready: the supergraph is loaded (above), and every subgraph of the one served now answers.
    ready: () =>
      checkSubgraphs(supergraph.subgraphUrls, { subgraphSecret: config.protection.subgraphSecret }),
  });
  app.use(protection.cors);
  const partnerSetup = partnerApiSetup({
    main: supergraph,
    contractPath: resolve(config.partner.supergraphPath),
    contract: options.partnerSupergraph,
  });
  // Admission before anything reads a body, verifies a token or parses an operation, on the routes that
  // do work; /health, /ready, /metrics (above), the explorer and the web app are never held back.
  if (protection.admission) {
    const routes = options.routes.filter((route) => supergraph.subgraphUrls[route.subgraph]);
    const partnerPath = 'off' in partnerSetup ? [] : [PARTNER_API_PATH];
    app.use(['/graphql', ...partnerPath, ...routes.map((route) => route.path)], protection.admission);
  }
  // GraphiQL, built at install and served from here: /explorer (gateway), /explorer?endpoint=partner.
  if (sandbox) app.use(EXPLORER_PATH, explorerRouter({ logger }));
  mountHttpRoutes(app, {
    routes: options.routes,
    verifier,
    rateLimitsOf: protection.routeRateLimits,
    subgraphUrlOf: (name) => supergraph.subgraphUrls[name],
    logger,
  });
  let partner: PartnerApi | null = null;
  if ('off' in partnerSetup) logger.info({ reason: partnerSetup.off }, 'partner API off');
  else partner = await mountPartnerApi(app, { config, ...partnerSetup, dataSources, logger });
  // Subscriptions over SSE (requests accepting text/event-stream) before Apollo; graphql-ws after listen.
  const subscriptions = createGatewaySubscriptions({
    config,
    supergraph,
    dataSources,
    verifier,
    logger,
    // Subscriptions pass the same early checks as queries: @auth, then the query limits.
    guard: (operation) => {
      assertOperationAccess({ ...operation, requirements: authRequirements });
      checkQueryLimits(config.protection.limits, operation);
    },
  });
  app.use('/graphql', subscriptions.sse);
  app.use(
    '/graphql',
    observability.requestSpan,
    express.json({ limit: '1mb', verify: keepRawBody }),
    protection.graphqlRateLimit,
    // An identical request of the same caller in flight: its answer's bytes, without Apollo's pipeline.
    ...dedup.middleware,
    ...protection.graphqlGuards,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => ({
        ...((res.locals.authentication as Authentication | undefined) ??
          (await authenticateRequest(verifier, req.headers.authorization))),
        correlationId: String(req.headers['x-correlation-id']),
        clientAddress: req.ip,
        dedupTicket: leaderTicketOf(res),
      }),
    }),
  );
  // The athletes' web app at / (last: every path above keeps its meaning).
  app.use(webAppRouter({ logger, ...config.gateway.web }));
  app.use(jsonErrorHandler(logger));

  const listening = await listen(httpServer, app, options.host, options.port);
  subscriptions.listen(httpServer);
  const url = localUrl(options.publicHost, listening.port, '/graphql');
  logger.info({ url, subgraphs: supergraph.subgraphUrls }, 'gateway listening');
  return {
    name: 'gateway',
    url,
    port: listening.port,
    reload: async (next) => {
      supergraph = next;
      authRequirements = supergraphAuthRequirements(next.sdl);
      inputRules = inputRulesOf(parse(next.sdl));
      updateSupergraph?.(next.sdl);
      await subscriptions.reload(next);
      logger.info({ subgraphs: next.subgraphUrls }, 'supergraph reloaded');
    },
    stop: async () => {
      markStopping(app);
      // Open subscriptions would keep the drain (which closes the HTTP server) waiting: end them first.
      await subscriptions.stop();
      // Requests in flight (proxied uploads too) finish while the subgraphs, stopped after, still serve.
      await listening.close(config.http.shutdownGraceMs);
      await apollo.stop();
      await partner?.stop();
      await protection.close();
      await observability.flush();
    },
  };
}
