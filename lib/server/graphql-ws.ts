/**
 * GraphQL over WebSocket (graphql-transport-ws) for a subgraph's schema, on the subgraph's HTTP server and
 * `/graphql` path: authentication in `connection_init`, the same RequestContext and error masking as HTTP.
 */
import type { ExecutionArgs, GraphQLError, GraphQLSchema } from 'graphql';
import type { Context, SubscribePayload } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import type { Server } from 'node:http';
import { WebSocketServer } from 'ws';
import type { TokenVerifier } from '../auth/jwt-verifier';
import type { Viewer } from '../auth/viewer';
import { createErrorFormatter } from '../errors/format-error';
import type { RequestContext } from '../graphql/context';
import type { InputRules } from '../graphql/input';
import type { LimitedOperation } from '../graphql/limits/query-limits-plugin';
import { checkOperation, inputErrors } from '../graphql/operation-check';
import type { Logger } from '../logging/logger';
import { correlationIdOf } from './http-app';
import { authenticateConnection } from './websocket-auth';
import { closeWebSockets } from './websocket-shutdown';

/** ws-level pings: a client that does not answer within this time is cut off. */
const WEBSOCKET_KEEP_ALIVE_MS = 15_000;

type ConnectionParams = Record<string, unknown>;
/** What a connection learnt in `connection_init`, for its operations (a type: graphql-ws wants a Record). */
type ConnectionState = { viewer: Viewer | null; internal: boolean };
type ConnectionContext = Context<ConnectionParams, Extra & Partial<ConnectionState>>;

/** The subgraph's own refusals of an operation (lib/server/subgraph-protection.ts), as over HTTP. */
export interface WebSocketProtection {
  /** Whether `connection_init` presents the gateway's credential: its operations skip the refusals below. */
  isInternal(params: ConnectionParams | undefined): boolean;
  /** A refusal of the operation's text, before it is parsed. */
  refuseText(query: string): GraphQLError | null;
  /** A refusal of the parsed and validated operation. */
  refuseOperation(operation: LimitedOperation): GraphQLError | null;
  /** Drop "Did you mean …?" from error messages. */
  hideSuggestions: boolean;
}

/**
 * GraphQL over WebSocket on `/graphql`, with what HTTP has: the `connection_init` payload's
 * `authorization` is verified like the HTTP header (a bad token closes the socket with 4401, no token
 * connects anonymously), every operation gets a RequestContext, and errors are masked alike.
 */
export function serveWebSockets(
  httpServer: Server,
  schema: GraphQLSchema,
  inputRules: InputRules,
  verifier: TokenVerifier,
  logger: Logger,
  protection: WebSocketProtection,
) {
  const format = createErrorFormatter(logger, { hideSuggestions: protection.hideSuggestions });
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
        const caller = await authenticateConnection(ctx.connectionParams, ctx.extra.socket, verifier, logger);
        if (!caller) return false; // closed with 4401 or 4500 already: graphql-ws's own 4403 is a no-op
        ctx.extra.viewer = caller.viewer;
        ctx.extra.internal = protection.isInternal(ctx.connectionParams);
        return true;
      },
      onSubscribe: (ctx, _id, payload) =>
        prepareOperation(schema, inputRules, payload, contextOf(ctx), ctx.extra.internal ? null : protection),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: formatErrors(result.errors) } : undefined,
      onError: (_ctx, _id, _payload, errors) => formatErrors(errors),
    },
    webSocketServer,
    WEBSOCKET_KEEP_ALIVE_MS,
  );

  return {
    /** Closes every socket with 1001 "Going away"; those that do not answer in time are cut off. */
    stop: () => closeWebSockets(webSocketServer, graphqlWs),
  };
}

/**
 * The execution arguments of a `subscribe` message, or Apollo's codes for a client's mistake, or the
 * refusal of `protection` (none for the gateway's own operations).
 */
function prepareOperation(
  schema: GraphQLSchema,
  inputRules: InputRules,
  payload: SubscribePayload,
  contextValue: RequestContext,
  protection: WebSocketProtection | null,
): ExecutionArgs | readonly GraphQLError[] {
  const tooLong = protection?.refuseText(payload.query);
  if (tooLong) return [tooLong];
  const checked = checkOperation(schema, payload.query, payload.operationName);
  if (!('document' in checked)) return checked;
  const variables = payload.variables ?? {};
  const refused = protection?.refuseOperation({ schema, ...checked, variables });
  if (refused) return [refused];
  const invalidInput = inputErrors(checked, schema, variables, inputRules);
  if (invalidInput.length > 0) return invalidInput;
  return {
    schema,
    document: checked.document,
    operationName: payload.operationName,
    variableValues: payload.variables,
    contextValue,
  };
}

function stringParam(params: ConnectionParams | undefined, name: string): string | undefined {
  const value = params?.[name];
  return typeof value === 'string' ? value : undefined;
}
