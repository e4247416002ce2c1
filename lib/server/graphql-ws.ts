/**
 * GraphQL over WebSocket (graphql-transport-ws) for a subgraph's schema, on the subgraph's HTTP server and
 * `/graphql` path: authentication in `connection_init`, the same RequestContext and error masking as HTTP.
 */
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
} from 'graphql';
import { CloseCode, type Context, type SubscribePayload } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import type { Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { authenticateRequest } from '../auth/authenticate-request';
import type { TokenVerifier } from '../auth/jwt-verifier';
import type { Viewer } from '../auth/viewer';
import { createErrorFormatter } from '../errors/format-error';
import type { RequestContext } from '../graphql/context';
import type { Logger } from '../logging/logger';
import { correlationIdOf } from './http-app';

/** ws-level pings: a client that does not answer within this time is cut off. */
const WEBSOCKET_KEEP_ALIVE_MS = 15_000;
/** How long sockets have to answer the "going away" close on stop before they are cut off. */
const WEBSOCKET_CLOSE_GRACE_MS = 2_000;

type ConnectionParams = Record<string, unknown>;
/** What a connection learnt in `connection_init`, for its operations (a type: graphql-ws wants a Record). */
type ConnectionState = { viewer: Viewer | null };
type ConnectionContext = Context<ConnectionParams, Extra & Partial<ConnectionState>>;

/**
 * GraphQL over WebSocket on `/graphql`, with what HTTP has: the `connection_init` payload's
 * `authorization` is verified like the HTTP header (a bad token closes the socket with 4401, no token
 * connects anonymously), every operation gets a RequestContext, and errors are masked alike.
 */
export function serveWebSockets(
  httpServer: Server,
  schema: GraphQLSchema,
  verifier: TokenVerifier,
  logger: Logger,
) {
  const format = createErrorFormatter(logger);
  // graphql-ws wraps what a source stream throws in a GraphQLError without a path: format the cause.
  const formatErrors = (errors: readonly GraphQLError[]) =>
    errors.map((error) => format(error.toJSON(), error.path ? error : (error.originalError ?? error)));

  const contextOf = (ctx: ConnectionContext): RequestContext => {
    const viewer = ctx.extra.viewer ?? null;
    const correlationId = correlationIdOf(stringParam(ctx.connectionParams, 'x-correlation-id'));
    return { viewer, correlationId, logger: logger.child({ userId: viewer?.userId, correlationId }) };
  };

  const webSocketServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const graphqlWs = useServer<ConnectionParams, ConnectionState>(
    {
      schema,
      // Close reasons of internal failures say "Internal server error", never the error's message.
      isProd: true,
      onConnect: async (ctx) => {
        const authorization =
          ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization ?? undefined;
        try {
          if (authorization !== undefined && typeof authorization !== 'string') {
            throw new GraphQLError('The authorization must be "Bearer <access token>".', {
              extensions: { code: 'UNAUTHENTICATED' },
            });
          }
          ctx.extra.viewer = (await authenticateRequest(verifier, authorization)).viewer;
          return true;
        } catch (error) {
          if (error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED') {
            ctx.extra.socket.close(CloseCode.Unauthorized, closeReason(error.message, 'Unauthorized'));
          } else {
            logger.error({ err: error }, 'could not authenticate a WebSocket connection');
            ctx.extra.socket.close(CloseCode.InternalServerError, 'Internal server error');
          }
          // The socket is already closing with the code above: graphql-ws's own 4403 close is a no-op.
          return false;
        }
      },
      onSubscribe: (ctx, _id, payload) => prepareOperation(schema, payload, contextOf(ctx)),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: formatErrors(result.errors) } : undefined,
      onError: (_ctx, _id, _payload, errors) => formatErrors(errors),
    },
    webSocketServer,
    WEBSOCKET_KEEP_ALIVE_MS,
  );

  return {
    /** Closes every socket with 1001 "Going away"; those that do not answer in time are cut off. */
    stop: async () => {
      const cutOff = setTimeout(() => {
        for (const socket of webSocketServer.clients) socket.terminate();
      }, WEBSOCKET_CLOSE_GRACE_MS);
      try {
        await graphqlWs.dispose();
      } finally {
        clearTimeout(cutOff);
      }
    },
  };
}

/**
 * Parses, validates and resolves the operation of a `subscribe` message as Apollo does over HTTP, so that
 * a client's mistake comes back with Apollo's code (not as an internal error, nor as a closed socket).
 */
function prepareOperation(
  schema: GraphQLSchema,
  payload: SubscribePayload,
  contextValue: RequestContext,
): ExecutionArgs | readonly GraphQLError[] {
  let document: DocumentNode;
  try {
    document = parse(payload.query);
  } catch (error) {
    if (error instanceof GraphQLError) return [withCode(error, 'GRAPHQL_PARSE_FAILED')];
    throw error;
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0) return invalid.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
  const operation = getOperationAST(document, payload.operationName);
  if (!operation) {
    const message = payload.operationName
      ? `Unknown operation named "${payload.operationName}".`
      : 'Must provide operation name if query contains multiple operations.';
    return [new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } })];
  }
  const variables = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {}, {
    maxErrors: 50,
  });
  if (variables.errors) return variables.errors.map((error) => withCode(error, 'BAD_USER_INPUT'));
  return {
    schema,
    document,
    operationName: payload.operationName,
    variableValues: payload.variables,
    contextValue,
  };
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}

function stringParam(params: ConnectionParams | undefined, name: string): string | undefined {
  const value = params?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** WebSocket close reasons are limited to 123 bytes. */
function closeReason(message: string, fallback: string): string {
  return Buffer.byteLength(message) <= 123 ? message : fallback;
}
