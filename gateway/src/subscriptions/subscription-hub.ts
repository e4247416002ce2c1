/**
 * Shares upstream subscriptions among identical client subscriptions (same operation, variables and
 * identity scope), reference-counted: the first client opens the upstream, the last one leaving closes
 * it. Every upstream event is executed once (the rest of the plan) and fanned out to each client's
 * bounded buffer.
 */
import type { ExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import { createErrorFormatter } from '../../../lib/errors/format-error';
import type { Logger } from '../../../lib/logging/logger';
import type { GatewayContext } from '../gateway-context';
import { createBoundedBuffer, type BoundedBuffer } from '../../../lib/async/bounded-buffer';
import type { EventExecutor, SubgraphResponse } from './event-executor';
import { identityScope, upstreamKey } from './operation-keys';
import { denialOf, internalError, subgraphUnavailable, toGraphQLErrors } from './subscription-errors';
import { activeSubscriptions, droppedMessages, upstreamSubscriptions } from './subscription-metrics';
import type { PreparedSubscription } from './subscription-planner';
import type { StartUpstream, UpstreamEnd } from './upstream-subscription';

/** What the hub needs from the loaded supergraph; replaced on reload. */
export interface HubRuntime {
  execute: EventExecutor;
  subgraphUrls: Record<string, string>;
}

export interface HubOptions {
  /** Events kept per client (and per upstream, while the rest of the plan runs) before the oldest is dropped. */
  bufferSize: number;
  logger: Logger;
  startUpstream: StartUpstream;
  runtime: () => HubRuntime;
}

export interface ClientHooks {
  /**
   * The upstream refused the subscription before its first event (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND).
   * Without this hook the client gets the errors as its last result.
   */
  onDenied?: (error: GraphQLFormattedError) => void;
}

export type ClientStream = BoundedBuffer<ExecutionResult>;

interface Client {
  buffer: ClientStream;
  hooks: ClientHooks;
}

type UpstreamMessage = { event: SubgraphResponse } | { end: UpstreamEnd };

interface SharedUpstream {
  key: string;
  serviceName: string;
  clients: Set<Client>;
  events: BoundedBuffer<UpstreamMessage>;
  /** The latest result, given at once to a client that joins later. */
  last: ExecutionResult | null;
  ended: boolean;
  stop: () => void;
}

export type SubscriptionHub = ReturnType<typeof createSubscriptionHub>;

export function createSubscriptionHub(options: HubOptions) {
  const { bufferSize, logger } = options;
  const format = createErrorFormatter(logger);
  const upstreams = new Map<string, SharedUpstream>();
  let clientCount = 0;
  let opened = 0;
  let whenIdle: (() => void)[] = [];

  const clientFinished = () => {
    clientCount -= 1;
    activeSubscriptions.dec();
    if (clientCount === 0) for (const resolve of whenIdle.splice(0)) resolve();
  };

  /** Marks the upstream ended and forgets it; returns false when it already was. */
  const retire = (upstream: SharedUpstream): boolean => {
    if (upstream.ended) return false;
    upstream.ended = true;
    if (upstreams.get(upstream.key) === upstream) upstreams.delete(upstream.key);
    upstreamSubscriptions.dec();
    upstream.stop();
    return true;
  };

  const leave = (upstream: SharedUpstream, client: Client) => {
    if (!upstream.clients.delete(client)) return;
    if (upstream.clients.size === 0 && retire(upstream)) void upstream.events.return();
  };

  /** Ends every client of the upstream: with `final` as its last result, or refused by its hook. */
  const endClients = (
    upstream: SharedUpstream,
    final: ExecutionResult | undefined,
    denial?: GraphQLFormattedError,
  ) => {
    const clients = [...upstream.clients];
    upstream.clients.clear();
    for (const client of clients) {
      if (denial && client.hooks.onDenied) {
        client.hooks.onDenied(denial);
        client.buffer.close();
      } else {
        client.buffer.close(final);
      }
    }
  };

  const finish = (upstream: SharedUpstream, outcome: UpstreamEnd) => {
    if (!retire(upstream)) return;
    if (outcome.kind === 'complete') return endClients(upstream, undefined);
    if (outcome.kind === 'lost') {
      logger.warn({ subgraph: upstream.serviceName, reason: outcome.reason }, 'upstream subscription lost');
      return endClients(upstream, { errors: [subgraphUnavailable(upstream.serviceName)] });
    }
    const errors = outcome.errors.map((error) => {
      const formatted = format(error, error);
      return { ...formatted, extensions: { ...formatted.extensions, serviceName: upstream.serviceName } };
    });
    const denial = upstream.last ? undefined : denialOf(errors);
    endClients(upstream, { errors: toGraphQLErrors(errors) }, denial);
  };

  const open = (key: string, prepared: PreparedSubscription, caller: GatewayContext): SharedUpstream => {
    const runtime = options.runtime();
    const { primary } = prepared.plan;
    const url = runtime.subgraphUrls[primary.serviceName];
    if (!url) throw new Error(`No URL for subgraph ${primary.serviceName}`);
    const events = createBoundedBuffer<UpstreamMessage>(bufferSize, { onDrop: () => droppedMessages.inc() });
    const upstream: SharedUpstream = {
      key,
      serviceName: primary.serviceName,
      clients: new Set(),
      events,
      last: null,
      ended: false,
      stop: () => undefined,
    };
    upstreams.set(key, upstream);
    upstreamSubscriptions.inc();
    opened += 1;
    upstream.stop = options.startUpstream(
      { url, primary, variables: prepared.request.variables, caller },
      { next: (event) => events.push({ event }), end: (outcome) => events.close({ end: outcome }) },
    ).stop;
    void pump(upstream, prepared, caller, runtime.execute);
    return upstream;
  };

  /** Executes the upstream's events one at a time, in order, and hands each result to every client. */
  const pump = async (
    upstream: SharedUpstream,
    prepared: PreparedSubscription,
    caller: GatewayContext,
    execute: EventExecutor,
  ) => {
    for await (const message of upstream.events) {
      if ('end' in message) return finish(upstream, message.end);
      const { data, errors } = message.event;
      // A subgraph refuses a subscription with one result that has errors and no data (graphql-js
      // subscribe), then completes: before any event, that is the end of it, not an event.
      if (!upstream.last && !data && errors?.length) return finish(upstream, { kind: 'errors', errors });
      let result: ExecutionResult;
      try {
        result = await execute(prepared, message.event, caller);
      } catch (error) {
        logger.error({ err: error }, 'could not execute a subscription event');
        result = { errors: [internalError()] };
      }
      if (upstream.ended) return;
      upstream.last = result;
      for (const client of upstream.clients) client.buffer.push(result);
    }
  };

  return {
    /** A client's subscription: its results, read as an async iterator (returning it unsubscribes). */
    subscribe(prepared: PreparedSubscription, caller: GatewayContext, hooks: ClientHooks = {}): ClientStream {
      const key = upstreamKey({ ...prepared.request, scope: identityScope(caller.viewer?.userId) });
      const upstream = upstreams.get(key) ?? open(key, prepared, caller);
      const client: Client = {
        hooks,
        buffer: createBoundedBuffer<ExecutionResult>(bufferSize, {
          onDrop: () => droppedMessages.inc(),
          onFinish: () => {
            leave(upstream, client);
            clientFinished();
          },
        }),
      };
      upstream.clients.add(client);
      clientCount += 1;
      activeSubscriptions.inc();
      if (upstream.last) client.buffer.push(upstream.last);
      return client.buffer;
    },

    /**
     * Ends every subscription with `error` as its last result (supergraph reloaded, shutting down), then
     * waits (at most `graceMs`) until the clients have read it.
     */
    async endAll(error: GraphQLError, graceMs = 2_000): Promise<void> {
      for (const upstream of [...upstreams.values()]) {
        if (!retire(upstream)) continue;
        void upstream.events.return();
        endClients(upstream, { errors: [error] });
      }
      if (clientCount === 0) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => whenIdle.push(resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs))),
      ]);
      clearTimeout(timer);
      whenIdle = [];
    },

    /** Open client subscriptions, open upstreams, and upstreams opened since the start. */
    stats: () => ({ clients: clientCount, upstreams: upstreams.size, upstreamsOpened: opened }),
  };
}
