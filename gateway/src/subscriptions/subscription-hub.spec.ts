import type { ExecutionResult } from 'graphql';
import { pino } from 'pino';
import type { GatewayContext } from '../gateway-context';
import { createSubscriptionHub, type ClientStream } from './subscription-hub';
import { droppedMessages } from './subscription-metrics';
import { shuttingDown } from './subscription-errors';
import type { PreparedSubscription } from './subscription-planner';
import type { UpstreamRequest, UpstreamSink } from './upstream-subscription';

const QUERY = 'subscription { workoutProgress(workoutId: "w1") { sampleCount } }';

// The hub reads only the request and the primary fetch's subgraph of a prepared subscription.
const prepared = (variables: Record<string, unknown> = {}) =>
  ({
    request: { query: QUERY, operationName: null, variables },
    plan: { primary: { kind: 'Fetch', serviceName: 'training', operation: QUERY } },
  }) as unknown as PreparedSubscription;

const caller = (userId: string | null): GatewayContext => ({
  viewer: userId ? { userId, roles: ['ATHLETE'] } : null,
  accessToken: userId ? `token-of-${userId}` : null,
  correlationId: 'c1',
});

const event = (sampleCount: number) => ({ data: { workoutProgress: { sampleCount } } });
const settle = () => new Promise((resolve) => setImmediate(resolve));

function newTestHub(bufferSize = 10) {
  const upstreams: { request: UpstreamRequest; sink: UpstreamSink; stopped: boolean }[] = [];
  const hub = createSubscriptionHub({
    bufferSize,
    logger: pino({ level: 'silent' }),
    runtime: () => ({
      subgraphUrls: { training: 'http://127.0.0.1:4002/graphql' },
      // Stands in for the rest of the plan: the event's data, marked as executed.
      execute: async (_prepared, upstreamEvent) => ({ data: { ...upstreamEvent.data, executed: true } }),
    }),
    startUpstream: (request, sink) => {
      const upstream = { request, sink, stopped: false };
      upstreams.push(upstream);
      return { stop: () => (upstream.stopped = true) };
    },
  });
  return { hub, upstreams };
}

async function take(stream: ClientStream, count: number): Promise<ExecutionResult[]> {
  const results: ExecutionResult[] = [];
  while (results.length < count) {
    const next = await stream.next();
    if (next.done) break;
    results.push(next.value);
  }
  return results;
}

const samples = (results: ExecutionResult[]) =>
  results.map((r) => (r.data?.workoutProgress as { sampleCount: number } | undefined)?.sampleCount);

describe('createSubscriptionHub', () => {
  it('opens one upstream for identical subscriptions of a user and closes it when the last client leaves', async () => {
    const { hub, upstreams } = newTestHub();
    const first = hub.subscribe(prepared({ id: 'w1' }), caller('u1'));
    const second = hub.subscribe(prepared({ id: 'w1' }), caller('u1'));
    expect(upstreams).toHaveLength(1);
    expect(upstreams[0]!.request).toMatchObject({
      url: 'http://127.0.0.1:4002/graphql',
      variables: { id: 'w1' },
    });
    expect(hub.stats()).toEqual({ clients: 2, upstreams: 1, upstreamsOpened: 1 });

    await first.return();
    expect(upstreams[0]!.stopped).toBe(false);
    await second.return();
    expect(upstreams[0]!.stopped).toBe(true);
    expect(hub.stats()).toEqual({ clients: 0, upstreams: 0, upstreamsOpened: 1 });
  });

  it('opens separate upstreams for other users, other variables and anonymous callers', () => {
    const { hub, upstreams } = newTestHub();
    hub.subscribe(prepared({ id: 'w1' }), caller('u1'));
    hub.subscribe(prepared({ id: 'w1' }), caller('u2'));
    hub.subscribe(prepared({ id: 'w2' }), caller('u1'));
    hub.subscribe(prepared({ id: 'w1' }), caller(null));
    hub.subscribe(prepared({ id: 'w1' }), caller(null));
    expect(upstreams).toHaveLength(4);
  });

  it('executes each event once and hands the results to every client in order; a late client gets the latest at once', async () => {
    const { hub, upstreams } = newTestHub();
    const first = hub.subscribe(prepared(), caller('u1'));
    upstreams[0]!.sink.next(event(1));
    upstreams[0]!.sink.next(event(2));
    expect(samples(await take(first, 2))).toEqual([1, 2]);
    const late = hub.subscribe(prepared(), caller('u1'));
    upstreams[0]!.sink.next(event(3));
    expect(samples(await take(late, 2))).toEqual([2, 3]);
    expect((await take(first, 1))[0]!.data).toEqual({ workoutProgress: { sampleCount: 3 }, executed: true });
  });

  it('completes every client when the upstream completes', async () => {
    const { hub, upstreams } = newTestHub();
    const client = hub.subscribe(prepared(), caller('u1'));
    upstreams[0]!.sink.next(event(1));
    upstreams[0]!.sink.end({ kind: 'complete' });
    expect(samples(await take(client, 5))).toEqual([1]);
    expect(hub.stats().upstreams).toBe(0);
  });

  it('refuses through the client hook when the upstream denies the subscription before its first event', async () => {
    const { hub, upstreams } = newTestHub();
    const onDenied = jest.fn();
    const withHook = hub.subscribe(prepared(), caller('u1'), { onDenied });
    const withoutHook = hub.subscribe(prepared(), caller('u1'));
    upstreams[0]!.sink.next({
      errors: [{ message: 'Workout w1 was not found.', extensions: { code: 'NOT_FOUND' } }],
    });
    await settle();
    expect(onDenied).toHaveBeenCalledWith(expect.objectContaining({ message: 'Workout w1 was not found.' }));
    expect(await take(withHook, 1)).toEqual([]);
    const [last] = await take(withoutHook, 2);
    expect(last!.errors?.map((e) => e.toJSON())).toEqual([
      { message: 'Workout w1 was not found.', extensions: { code: 'NOT_FOUND', serviceName: 'training' } },
    ]);
    expect(upstreams[0]!.stopped).toBe(true);
  });

  it('ends every client with SUBGRAPH_UNAVAILABLE when the upstream is lost', async () => {
    const { hub, upstreams } = newTestHub();
    const client = hub.subscribe(prepared(), caller('u1'));
    upstreams[0]!.sink.next(event(1));
    upstreams[0]!.sink.end({ kind: 'lost', reason: 'closed with 1006' });
    const results = await take(client, 5);
    expect(samples(results)).toEqual([1, undefined]);
    expect(results[1]!.errors?.[0]?.extensions.code).toBe('SUBGRAPH_UNAVAILABLE');
    // A new identical subscription opens a new upstream.
    hub.subscribe(prepared(), caller('u1'));
    expect(upstreams).toHaveLength(2);
  });

  it('ends every subscription with the given error on endAll, and stops the upstreams', async () => {
    const { hub, upstreams } = newTestHub();
    const client = hub.subscribe(prepared(), caller('u1'));
    const reading = take(client, 5);
    await hub.endAll(shuttingDown());
    const results = await reading;
    expect(results.map((r) => r.errors?.[0]?.extensions.code)).toEqual(['SHUTTING_DOWN']);
    expect(upstreams[0]!.stopped).toBe(true);
    expect(hub.stats()).toMatchObject({ clients: 0, upstreams: 0 });
  });

  it("drops a slow client's oldest results beyond its buffer and counts them, without slowing the others", async () => {
    const { hub, upstreams } = newTestHub(2);
    const before = (await droppedMessages.get()).values[0]?.value ?? 0;
    const slow = hub.subscribe(prepared(), caller('u1'));
    const fast = hub.subscribe(prepared(), caller('u1'));
    const received: ExecutionResult[] = [];
    for (let i = 1; i <= 5; i += 1) {
      upstreams[0]!.sink.next(event(i));
      received.push(...(await take(fast, 1)));
    }
    expect(samples(received)).toEqual([1, 2, 3, 4, 5]);
    expect(samples(await take(slow, 2))).toEqual([4, 5]);
    expect((await droppedMessages.get()).values[0]?.value).toBe(before + 3);
  });
});
