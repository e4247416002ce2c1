import { createServer, request, type Server, type ServerResponse } from 'node:http';
import { eventually } from '../../../lib/testing/eventually';
import { listenOn } from '../../../lib/testing/listen';
import type { RunningGateway } from '../gateway-server';
import { closeServer, startTestGateway } from '../test-gateway';

/**
 * A stand-in subgraph that answers `sports` and keeps every request it receives while `holding`, until the
 * test lets them go: what holds the gateway's one slot for as long as a test needs.
 */
function newHoldingSubgraph() {
  const received: string[] = [];
  const held: ServerResponse[] = [];
  const state = { holding: false };
  const answer = (res: ServerResponse) =>
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ data: { sports: [{ sport: 'RUN' }] } }));
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      received.push((JSON.parse(text) as { query: string }).query);
      if (state.holding) held.push(res);
      else answer(res);
    });
  });
  return {
    server,
    received,
    state,
    /** Answers every held request, and the next ones at once. */
    release() {
      state.holding = false;
      for (const res of held.splice(0)) answer(res);
    },
  };
}

const SPORTS = (name: string) => `query ${name} { sports { sport } }`;

// The gateway alone in front of a stand-in subgraph, with one admission slot: a request the stand-in holds
// keeps it taken for as long as the test likes.
describe('admission control at the gateway', () => {
  const subgraph = newHoldingSubgraph();
  /** One slot, no waiting room: the second request is refused at once. */
  let noRoom: RunningGateway;
  /** One slot, a waiting room, a short wait: the second request waits, then is refused. */
  let shortWait: RunningGateway;

  beforeAll(async () => {
    const url = `${await listenOn(subgraph.server)}/graphql`;
    const start = (env: Record<string, string>) =>
      startTestGateway({
        subgraphUrls: { identity: url, training: url, inventory: url },
        routes: [{ path: '/telemetry', bodyLimitBytes: 1000, subgraph: 'training' }],
        // Identical requests are not merged here: each one is its own request in flight.
        env: { GATEWAY_DEDUP: 'false', GATEWAY_MAX_CONCURRENT: '1', ...env },
      });
    noRoom = await start({ GATEWAY_ADMISSION_QUEUE: '0' });
    shortWait = await start({ GATEWAY_ADMISSION_QUEUE: '4', GATEWAY_ADMISSION_WAIT_MS: '200' });
  });
  afterEach(() => subgraph.release());
  afterAll(async () => {
    subgraph.release();
    await noRoom.stop();
    await shortWait.stop();
    await closeServer(subgraph.server);
  });

  const originOf = (gateway: RunningGateway) => new URL(gateway.url).origin;
  const post = async (gateway: RunningGateway, path: string, body: unknown) => {
    const response = await fetch(`${originOf(gateway)}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: (await response.json()) as unknown,
    };
  };
  const metricsOf = async (gateway: RunningGateway) => (await fetch(`${originOf(gateway)}/metrics`)).text();
  /** Sends `name` and resolves once the stand-in holds it (the gateway's slot is taken), with its answer to come. */
  const holdSlot = async (gateway: RunningGateway, name: string) => {
    subgraph.state.holding = true;
    const answer = post(gateway, '/graphql', { query: SPORTS(name) });
    await eventually(() => expect(subgraph.received.some((query) => query.includes(name))).toBe(true));
    return { answer };
  };
  const busy = (message: RegExp, retryAfterSeconds: number) => ({
    status: 503,
    retryAfter: String(retryAfterSeconds),
    body: {
      errors: [
        {
          message: expect.stringMatching(message),
          extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds },
        },
      ],
    },
  });

  it('refuses a request at once when the slot is taken and there is no waiting room; the subgraph never sees it', async () => {
    const { answer: first } = await holdSlot(noRoom, 'Holder');
    const mutation = 'mutation Refused { logout(refreshToken: "x") }';

    expect(await post(noRoom, '/graphql', { query: mutation })).toEqual(
      busy(
        /^Pulse is busy: no request slot \(of 1\) is free\. Nothing was done; send the request again in 2 s\.$/,
        2,
      ),
    );
    expect(
      subgraph.received.filter((query) => query.includes('Refused') || query.includes('logout')),
    ).toEqual([]);

    subgraph.release();
    expect(await first).toMatchObject({ status: 200, body: { data: { sports: [{ sport: 'RUN' }] } } });
    expect(await post(noRoom, '/graphql', { query: SPORTS('AfterRelease') })).toMatchObject({
      status: 200,
      body: { data: { sports: [{ sport: 'RUN' }] } },
    });
  });

  it('refuses a request that waited its longest without a slot freeing, saying when to come back', async () => {
    const { answer: first } = await holdSlot(shortWait, 'LongHolder');
    expect(await post(shortWait, '/graphql', { query: SPORTS('Waited') })).toEqual(
      busy(
        /^Pulse is busy: no request slot \(of 1\) freed within 200 ms\. Nothing was done; send the request again in 1 s\.$/,
        1,
      ),
    );
    expect(subgraph.received.filter((query) => query.includes('Waited'))).toEqual([]);
    subgraph.release();
    expect((await first).status).toBe(200);
  });

  it('refuses the contexts’ HTTP routes with the same answer, before their access token is even checked', async () => {
    const { answer: first } = await holdSlot(noRoom, 'RouteHolder');
    const refused = await post(noRoom, '/telemetry/some-workout', { samples: [] });
    expect(refused).toEqual(busy(/^Pulse is busy/, 2));
    subgraph.release();
    await first;
    // With the slot free, the route's own checks answer: no token, 401.
    expect((await post(noRoom, '/telemetry/some-workout', { samples: [] })).status).toBe(401);
  });

  it('answers health, metrics and CORS preflights while every slot is taken, and counts the refusals', async () => {
    const { answer: first } = await holdSlot(noRoom, 'MetricsHolder');
    await post(noRoom, '/graphql', { query: SPORTS('Counted') });
    const health = await fetch(`${originOf(noRoom)}/health`);
    expect({ status: health.status, body: await health.json() }).toEqual({
      status: 200,
      body: { status: 'ok' },
    });
    const preflight = await fetch(noRoom.url, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    const metrics = await metricsOf(noRoom);
    expect(metrics).toMatch(/^pulse_gateway_admission_refused_total\{reason="room-full"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^pulse_gateway_admission_in_flight [1-9]\d*$/m);
    subgraph.release();
    await first;
  });

  it('gives the slot back when the client goes away before its answer', async () => {
    subgraph.state.holding = true;
    const { port } = new URL(originOf(noRoom));
    const abandoned = request({
      host: '127.0.0.1',
      port,
      path: '/graphql',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      agent: false,
    });
    abandoned.on('error', () => undefined);
    abandoned.end(JSON.stringify({ query: SPORTS('Abandoned') }));
    await eventually(() => expect(subgraph.received.some((query) => query.includes('Abandoned'))).toBe(true));
    expect((await post(noRoom, '/graphql', { query: SPORTS('WhileHeld') })).status).toBe(503);

    // The stand-in still holds the abandoned request's subgraph call: only the client's going frees the slot.
    abandoned.destroy();
    await eventually(async () =>
      expect(await metricsOf(noRoom)).toMatch(/^pulse_gateway_admission_in_flight 0$/m),
    );
    subgraph.state.holding = false;
    expect(await post(noRoom, '/graphql', { query: SPORTS('AfterAbandon') })).toMatchObject({ status: 200 });
  });
});
