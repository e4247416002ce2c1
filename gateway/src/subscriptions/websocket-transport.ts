/**
 * GraphQL over WebSocket (graphql-transport-ws) on the gateway's `/graphql`, for subscriptions: the
 * `connection_init` payload's `authorization` is verified like the HTTP header, and the close codes say
 * what went wrong (4400 bad message, 4401 bad token, 4403 subscription refused upstream, 4408 no
 * `connection_init` in time, 4409 duplicate id, 4429 too many subscriptions on one connection).
 */
import { GraphQLError } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Server } from 'node:http';
import { WebSocketServer } from 'ws';
import type { TokenVerifier } from '../../../lib/auth/jwt-verifier';
import type { Logger } from '../../../lib/logging/logger';
import { authenticateConnection, closeReason } from '../../../lib/server/websocket-auth';
import { closeWebSockets } from '../../../lib/server/websocket-shutdown';
import type { GatewayContext } from '../gateway-context';
import { SubscriptionCall } from './subscription-call';
import type { SubscriptionHub } from './subscription-hub';
import type { SubscriptionPlanner } from './subscription-planner';

/** The close code for "too many requests" (graphql-ws leaves 4xxx codes to applications). */
export const TOO_MANY_SUBSCRIPTIONS = 4429;

export interface WebSocketSettings {
  /** A socket that sends no `connection_init` within this time is closed with 4408. */
  initTimeoutMs: number;
  /** ws-level ping interval; a socket that does not answer within the same time is cut off. */
  keepAliveMs: number;
  /** Concurrent subscriptions allowed on one socket; one more closes it with 4429. */
  maxPerConnection: number;
}

type ConnectionParams = Record<string, unknown>;
/** What a connection learnt in `connection_init` (a type: graphql-ws wants a Record). */
type ConnectionState = { caller: GatewayContext };

export function serveWebSocketSubscriptions(options: {
  httpServer: Server;
  planner: () => SubscriptionPlanner;
  hub: SubscriptionHub;
  verifier: TokenVerifier;
  logger: Logger;
  settings: WebSocketSettings;
}) {
  const { hub, verifier, logger, settings } = options;
  const webSocketServer = new WebSocketServer({ server: options.httpServer, path: '/graphql' });
  const server = useServer<ConnectionParams, ConnectionState>(
    {
      // Close reasons of internal failures say "Internal server error", never the error's message.
      isProd: true,
      connectionInitWaitTimeout: settings.initTimeoutMs,
      onConnect: async (ctx) => {
        const caller = await authenticateConnection(ctx.connectionParams, ctx.extra.socket, verifier, logger);
        if (!caller) return false; // closed with 4401 or 4500 already: graphql-ws's own 4403 is a no-op
        ctx.extra.caller = caller;
        return true;
      },
      onSubscribe: (ctx, _id, payload) => {
        const { socket, caller } = ctx.extra;
        // graphql-ws has already registered this subscription: more than the cap means one too many.
        if (Object.keys(ctx.subscriptions).length > settings.maxPerConnection) {
          const message = `Too many subscriptions on one connection: at most ${settings.maxPerConnection} at a time.`;
          socket.close(TOO_MANY_SUBSCRIPTIONS, message);
          return [new GraphQLError(message, { extensions: { code: 'RATE_LIMITED' } })];
        }
        if (!caller) throw new Error('subscribe before the connection was acknowledged');
        const planner = options.planner();
        const prepared = planner.prepare(payload, caller.viewer);
        if (!('plan' in prepared)) return prepared;
        const hooks = {
          onDenied: (error: { message: string }) =>
            socket.close(CloseCode.Forbidden, closeReason(error.message, 'Forbidden')),
        };
        return {
          schema: planner.schema,
          document: prepared.plan.document,
          operationName: prepared.request.operationName,
          variableValues: prepared.request.variables,
          contextValue: new SubscriptionCall(prepared, caller, hooks),
        };
      },
      subscribe: (args) => {
        const call = SubscriptionCall.from(args.contextValue);
        return hub.subscribe(call.prepared, call.caller, call.hooks);
      },
    },
    webSocketServer,
    settings.keepAliveMs,
  );

  return {
    /** Closes every socket with 1001 "Going away"; those that do not answer in time are cut off. */
    stop: () => closeWebSockets(webSocketServer, server),
  };
}
