/**
 * Federated subscriptions served by the gateway: graphql-ws and SSE on `/graphql`, planned against the
 * supergraph, one shared upstream subscription per identical client subscription. `startGateway` mounts
 * `sse` before Apollo's middleware, calls `listen(httpServer)` once the server listens, and `stop()` first
 * on shutdown.
 */
import type { RequestHandler } from 'express';
import type { Server } from 'node:http';
import type { TokenVerifier } from '../../../lib/auth/jwt-verifier';
import type { Config } from '../../../lib/config/config';
import type { Logger } from '../../../lib/logging/logger';
import type { SubgraphDataSources } from '../subgraph-data-source';
import type { LoadedSupergraph } from '../supergraph-file';
import { createEventExecutor } from './event-executor';
import { createSseSubscriptions } from './sse-transport';
import { shuttingDown, supergraphReloaded } from './subscription-errors';
import { createSubscriptionHub, type HubRuntime } from './subscription-hub';
import {
  createSubscriptionPlanner,
  type SubscriptionGuard,
  type SubscriptionPlanner,
} from './subscription-planner';
import { startGraphqlWsUpstream, type StartUpstream } from './upstream-subscription';
import { serveWebSocketSubscriptions } from './websocket-transport';

export interface GatewaySubscriptionsOptions {
  config: Pick<Config, 'subscriptions'>;
  supergraph: LoadedSupergraph;
  /** How the rest of a subscription's plan reaches subgraphs: the gateway's one data source factory. */
  dataSources: SubgraphDataSources;
  verifier: TokenVerifier;
  logger: Logger;
  /** How upstream subscriptions are opened (graphql-ws to the owning subgraph unless a test says otherwise). */
  startUpstream?: StartUpstream;
  /** The gateway's checks of every operation (@auth, query limits), applied to subscriptions too. */
  guard?: SubscriptionGuard;
}

export interface GatewaySubscriptions {
  /** Express middleware for `/graphql`: serves requests that accept `text/event-stream`, passes on the rest. */
  sse: RequestHandler;
  /** Serves graphql-ws on the server's `/graphql` (call once the server listens). */
  listen(httpServer: Server): void;
  /** Serves a new supergraph: every active subscription ends with SUPERGRAPH_RELOADED. */
  reload(supergraph: LoadedSupergraph): Promise<void>;
  /** Ends every subscription with SHUTTING_DOWN and closes the sockets. */
  stop(): Promise<void>;
  stats(): { clients: number; upstreams: number; upstreamsOpened: number };
}

export function createGatewaySubscriptions(options: GatewaySubscriptionsOptions): GatewaySubscriptions {
  const { verifier, logger } = options;
  const settings = options.config.subscriptions;
  const load = (supergraph: LoadedSupergraph): { planner: SubscriptionPlanner; hub: HubRuntime } => {
    const planner = createSubscriptionPlanner(supergraph.sdl, logger, undefined, options.guard);
    const execute = createEventExecutor({
      planner,
      subgraphUrls: supergraph.subgraphUrls,
      dataSources: options.dataSources,
      logger,
    });
    return { planner, hub: { execute, subgraphUrls: supergraph.subgraphUrls } };
  };
  let current = load(options.supergraph);
  const planner = () => current.planner;
  const hub = createSubscriptionHub({
    bufferSize: settings.bufferSize,
    logger,
    startUpstream: options.startUpstream ?? startGraphqlWsUpstream,
    runtime: () => current.hub,
  });
  let webSockets: ReturnType<typeof serveWebSocketSubscriptions> | null = null;

  return {
    sse: createSseSubscriptions({ planner, hub, verifier, logger }),
    listen(httpServer) {
      if (webSockets) throw new Error('The gateway already serves subscriptions over WebSocket.');
      webSockets = serveWebSocketSubscriptions({ httpServer, planner, hub, verifier, logger, settings });
    },
    async reload(supergraph) {
      current = load(supergraph);
      await hub.endAll(supergraphReloaded());
    },
    async stop() {
      await hub.endAll(shuttingDown());
      await webSockets?.stop();
      webSockets = null;
    },
    stats: () => hub.stats(),
  };
}
