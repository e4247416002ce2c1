/**
 * Inbound deduplication: identical query operations arriving while one is in flight share its answer
 * instead of each going to the subgraphs. Identical means the same document text, operation name,
 * variables and identity scope (see `scopeOf`); mutations and subscriptions are never shared. The first
 * request (the leader) executes; the others (followers) wait for its answer — data and errors alike — and
 * each gets its own copy, with the leader's HTTP status. An answer that cannot be shared (incremental
 * delivery, or a leader that failed outside execution) makes the followers execute on their own.
 */
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';

export interface InflightDedupOptions<TContext extends BaseContext> {
  /** Whose answer it is: requests of two scopes never share one (e.g. `user:<id>` or `anonymous`). */
  scopeOf(context: TContext): string;
  /** Called each time a request joins an identical one in flight instead of executing. */
  onJoined?(): void;
}

/** The leader's answer, serialized once; each follower parses its own copy. */
interface SharedAnswer {
  status: number | undefined;
  json: string;
}

interface InFlight {
  answer: Promise<SharedAnswer | null>;
  settle(answer: SharedAnswer | null): void;
  followers: number;
}

/** The deduplication key of a request, or null when it must not be shared. */
export function dedupKeyOf(
  operation: 'query' | 'mutation' | 'subscription',
  scope: string,
  source: string | undefined,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
): string | null {
  if (operation !== 'query' || source === undefined) return null;
  return JSON.stringify([scope, operationName ?? null, source, variables ?? null]);
}

export function inflightDedupPlugin<TContext extends BaseContext>(
  options: InflightDedupOptions<TContext>,
): ApolloServerPlugin<TContext> {
  const inFlight = new Map<string, InFlight>();
  const ledBy = new WeakMap<GraphQLRequestContext<TContext>, { key: string; entry: InFlight }>();

  const release = (requestContext: GraphQLRequestContext<TContext>, answer: () => SharedAnswer | null) => {
    const led = ledBy.get(requestContext);
    if (!led) return;
    ledBy.delete(requestContext);
    inFlight.delete(led.key);
    // Serialized only when someone waits for it: a request nobody joined costs a map entry, nothing more.
    led.entry.settle(led.entry.followers > 0 ? answer() : null);
  };

  return {
    async requestDidStart() {
      return {
        async responseForOperation(requestContext) {
          const { operation, request, contextValue } = requestContext;
          const key = dedupKeyOf(
            operation.operation,
            options.scopeOf(contextValue),
            requestContext.source,
            request.operationName,
            request.variables,
          );
          if (key === null) return null;
          const existing = inFlight.get(key);
          if (!existing) {
            let settle: (answer: SharedAnswer | null) => void = () => undefined;
            const answer = new Promise<SharedAnswer | null>((resolve) => (settle = resolve));
            const entry: InFlight = { answer, settle, followers: 0 };
            inFlight.set(key, entry);
            ledBy.set(requestContext, { key, entry });
            return null;
          }
          existing.followers += 1;
          options.onJoined?.();
          const shared = await existing.answer;
          if (!shared) return null;
          return {
            http: { status: shared.status, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: JSON.parse(shared.json) as Record<string, unknown> },
          };
        },
        async willSendResponse(requestContext) {
          const { body, http } = requestContext.response;
          release(requestContext, () =>
            body.kind === 'single' ? { status: http.status, json: JSON.stringify(body.singleResult) } : null,
          );
        },
      };
    },
    async unexpectedErrorProcessingRequest({ requestContext }) {
      release(requestContext, () => null);
    },
  };
}
