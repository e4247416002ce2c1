import { parse } from 'graphql';
import { createClient, type Client, type FormattedExecutionResult, type SubscribePayload } from 'graphql-ws';
import WebSocket from 'ws';
import { requireViewer } from '../auth/viewer';
import { NotFoundError } from '../errors/domain-error';
import type { RequestContext } from '../graphql/context';
import { createInProcessPubSub } from '../pubsub/in-process-pubsub';
import type { PubSubSubscription } from '../pubsub/pubsub';
import { eventually } from '../testing/eventually';
import { newTestVerifier } from '../testing/test-verifier';
import { startTestSubgraph } from '../testing/test-subgraph';
import type { RunningServer } from './subgraph-server';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.11", import: ["@key"])

  type Query {
    hello: String!
  }

  type Subscription {
    ticks(count: Int!): Int!
    whoAmI: String!
    missingWorkout: Int!
    failsAfterOne(domainError: Boolean!): Int!
    live(channel: String!): String!
  }
`);

const pubsub = createInProcessPubSub();
/** The pub/sub subscriptions opened by `live`, to check that ending the operation ends them. */
const liveSubscriptions: PubSubSubscription[] = [];

async function* countTo(count: number) {
  for (let n = 1; n <= count; n += 1) yield n;
}

async function* oneThenFailure(domainError: boolean) {
  yield 1;
  throw domainError ? new NotFoundError('Workout', 'w-2') : new Error('connection to 10.0.0.7 refused');
}

const resolvers = {
  Query: { hello: () => 'hello' },
  Subscription: {
    ticks: {
      subscribe: (_: unknown, args: { count: number }) => countTo(args.count),
      resolve: (n: number) => n,
    },
    whoAmI: {
      subscribe: (_: unknown, _args: unknown, context: RequestContext) => {
        const viewer = requireViewer(context.viewer);
        return (async function* () {
          yield `${viewer.userId} ${viewer.roles.join(',')} ${context.correlationId}`;
        })();
      },
      resolve: (text: string) => text,
    },
    missingWorkout: {
      subscribe: () => {
        throw new NotFoundError('Workout', 'w-1');
      },
    },
    failsAfterOne: {
      subscribe: (_: unknown, args: { domainError: boolean }) => oneThenFailure(args.domainError),
      resolve: (n: number) => n,
    },
    live: {
      subscribe: (_: unknown, args: { channel: string }) => {
        const subscription = pubsub.subscribe(args.channel);
        liveSubscriptions.push(subscription);
        return subscription;
      },
      resolve: (message: unknown) => String(message),
    },
  },
};

/** Whether a pub/sub subscription has ended (an open one has nothing to give right now). */
async function hasEnded(subscription: PubSubSubscription): Promise<boolean> {
  const pending = new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), 20));
  const result = await Promise.race([subscription.next(), pending]);
  return result !== 'pending' && result.done === true;
}

interface Closed {
  code: number;
  reason: string;
}

type Result = FormattedExecutionResult<Record<string, unknown>, unknown>;

interface Run {
  results: Result[];
  /** Resolves when the operation completes (null) or fails (its error: GraphQL errors or a close event). */
  outcome: Promise<unknown>;
  /** Sends `complete` for the operation. */
  unsubscribe(): void;
}

describe('subgraph server: GraphQL over WebSocket', () => {
  let signer: Awaited<ReturnType<typeof newTestVerifier>>;
  let server: RunningServer;
  const clients: Client[] = [];

  const start = () => startTestSubgraph({ typeDefs, resolvers, verifier: signer.verifier });

  const connect = (target: RunningServer, connectionParams?: Record<string, unknown>) => {
    const closes: Closed[] = [];
    const client = createClient({
      url: target.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams,
      on: { closed: (event) => void closes.push(event as Closed) },
    });
    clients.push(client);
    return { client, closes };
  };

  const run = (client: Client, payload: SubscribePayload): Run => {
    const results: Result[] = [];
    let unsubscribe: () => void = () => undefined;
    const outcome = new Promise<unknown>((resolve) => {
      unsubscribe = client.subscribe(payload, {
        next: (result) => void results.push(result),
        error: resolve,
        complete: () => resolve(null),
      });
    });
    return { results, outcome, unsubscribe };
  };

  beforeAll(async () => {
    signer = await newTestVerifier();
    server = await start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
  });
  afterAll(async () => {
    await server.stop();
    await pubsub.close();
  });

  it('still answers queries over HTTP', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ hello }' }),
    });
    expect(await response.json()).toEqual({ data: { hello: 'hello' } });
  });

  it('delivers the events of a subscription in order, then completes', async () => {
    const { client } = connect(server);
    const ticks = run(client, { query: 'subscription { ticks(count: 5) }' });
    await expect(ticks.outcome).resolves.toBeNull();
    expect(ticks.results.map((result) => result.data?.ticks)).toEqual([1, 2, 3, 4, 5]);
  });

  it('gives resolvers the viewer of the connection_init token and its correlation id', async () => {
    const token = await signer.sign();
    const { client } = connect(server, { Authorization: `Bearer ${token}`, 'x-correlation-id': 'run-42' });
    const whoAmI = run(client, { query: 'subscription { whoAmI }' });
    await expect(whoAmI.outcome).resolves.toBeNull();
    expect(whoAmI.results).toEqual([{ data: { whoAmI: 'user-1 ATHLETE run-42' } }]);
  });

  it('connects without a token; an operation that needs a viewer answers UNAUTHENTICATED', async () => {
    const { client } = connect(server);
    const whoAmI = run(client, { query: 'subscription { whoAmI }' });
    await expect(whoAmI.outcome).resolves.toBeNull();
    expect(whoAmI.results).toEqual([
      {
        errors: [expect.objectContaining({ path: ['whoAmI'], extensions: { code: 'UNAUTHENTICATED' } })],
      },
    ]);
  });

  it.each([
    ['a token that is not a JWT', async () => 'Bearer not-a-jwt', /invalid/],
    [
      'an expired token',
      async () => `Bearer ${await signer.sign(undefined, Math.floor(Date.now() / 1000) - 60)}`,
      /expired/,
    ],
    ['a header without "Bearer"', async () => 'Basic dXNlcjpwYXNz', /Bearer/],
  ])('closes the socket with 4401 on %s', async (_case, authorization, reason) => {
    const { client, closes } = connect(server, { authorization: await authorization() });
    const ticks = run(client, { query: 'subscription { ticks(count: 1) }' });
    await expect(ticks.outcome).resolves.toMatchObject({ code: 4401, reason: expect.stringMatching(reason) });
    expect(ticks.results).toEqual([]);
    expect(closes).toEqual([expect.objectContaining({ code: 4401 })]);
  });

  // graphql-js answers a failure to create the event stream with one result holding the errors (a `next`
  // message, then `complete`); failures of a running stream arrive as graphql-ws `error` messages.
  it('keeps the code of a DomainError thrown by subscribe', async () => {
    const { client } = connect(server);
    const missing = run(client, { query: 'subscription { missingWorkout }' });
    await expect(missing.outcome).resolves.toBeNull();
    expect(missing.results).toEqual([
      {
        errors: [
          {
            message: 'Workout w-1 was not found.',
            locations: [{ line: 1, column: 16 }],
            path: ['missingWorkout'],
            extensions: { code: 'NOT_FOUND', id: 'w-1' },
          },
        ],
      },
    ]);
  });

  it('masks an unexpected error of a running stream, and keeps the code of a DomainError', async () => {
    const { client } = connect(server);
    const unexpected = run(client, { query: 'subscription { failsAfterOne(domainError: false) }' });
    const domain = run(client, { query: 'subscription { failsAfterOne(domainError: true) }' });
    expect(await unexpected.outcome).toEqual([
      { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    expect(await domain.outcome).toEqual([
      expect.objectContaining({
        message: 'Workout w-2 was not found.',
        extensions: { code: 'NOT_FOUND', id: 'w-2' },
      }),
    ]);
    expect(unexpected.results).toEqual([{ data: { failsAfterOne: 1 } }]);
  });

  it('answers client mistakes with Apollo’s codes and keeps the connection open', async () => {
    const { client, closes } = connect(server);
    const cases = [
      ['subscription {', 'GRAPHQL_PARSE_FAILED'],
      ['subscription { nope }', 'GRAPHQL_VALIDATION_FAILED'],
      ['subscription Ticks($count: Int!) { ticks(count: $count) }', 'BAD_USER_INPUT'],
    ] as const;
    for (const [query, code] of cases) {
      const failed = run(client, { query, variables: { count: 'three' } });
      expect(await failed.outcome).toEqual([expect.objectContaining({ extensions: { code } })]);
    }
    await expect(run(client, { query: 'subscription { ticks(count: 1) }' }).outcome).resolves.toBeNull();
    expect(closes).toEqual([]);
  });

  it('feeds a subscription from the pub/sub, and unsubscribes when the client completes it', async () => {
    const { client } = connect(server);
    const live = run(client, { query: 'subscription { live(channel: "workout.w-9") }' });
    await eventually(async () => {
      await pubsub.publish('workout.w-9', 'lap 1');
      expect(live.results.length).toBeGreaterThan(0);
    });
    expect(live.results[0]).toEqual({ data: { live: 'lap 1' } });
    const subscription = liveSubscriptions.at(-1)!;
    expect(await hasEnded(subscription)).toBe(false);
    live.unsubscribe();
    await eventually(async () => expect(await hasEnded(subscription)).toBe(true));
  });

  it('stops promptly with an open subscription, closing the socket with 1001', async () => {
    const stopping = await start();
    const { client, closes } = connect(stopping);
    const live = run(client, { query: 'subscription { live(channel: "workout.w-stop") }' });
    await eventually(async () => {
      await pubsub.publish('workout.w-stop', 'lap 1');
      expect(live.results.length).toBeGreaterThan(0);
    });
    const startedAt = Date.now();
    await stopping.stop();
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    await expect(live.outcome).resolves.toMatchObject({ code: 1001 });
    expect(closes).toEqual([expect.objectContaining({ code: 1001, reason: 'Going away' })]);
    const subscription = liveSubscriptions.at(-1)!;
    await eventually(async () => expect(await hasEnded(subscription)).toBe(true));
  });
});
