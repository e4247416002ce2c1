import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pino } from 'pino';
import { createJwtVerifier, jwksUrlOf, remoteJwks } from '../lib/auth/jwt-verifier';
import { loadConfig } from '../lib/config/config';
import { eventually } from '../lib/testing/eventually';
import { repoRoot } from '../lib/paths';
import type { RunningServer } from '../lib/server/subgraph-server';
import { startGateway } from '../gateway/src/gateway-server';
import { loadSupergraph } from '../gateway/src/supergraph-file';
import { anAthlete } from './support/athletes';
import { useTestPlatform } from './support/test-platform';

const pulse = useTestPlatform();

/** An HTTP hop in front of a subgraph that counts the requests reaching it and holds them until released. */
async function holdingProxy(target: string) {
  let open: () => void = () => undefined;
  let gate = new Promise<void>((resolve) => (open = resolve));
  let received = 0;
  const server: Server = createServer((req, res) => {
    received += 1;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      await gate;
      const answer = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: req.headers.authorization ?? '' },
        body: Buffer.concat(chunks),
      });
      res.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/json',
      });
      res.end(await answer.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    received: () => received,
    release: () => open(),
    hold: () => (gate = new Promise<void>((resolve) => (open = resolve))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('gateway: identical queries in flight share one execution', () => {
  let identity: Awaited<ReturnType<typeof holdingProxy>>;
  let gateway: RunningServer;

  /** A gateway of its own whose identity subgraph is reached through the counting hop. */
  const startCountingGateway = async (env: Record<string, string> = {}) => {
    const urls = Object.fromEntries(pulse().platform.subgraphs.map((s) => [s.name, s.url]));
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
    return startGateway({
      config,
      supergraph: loadSupergraph(join(repoRoot, 'supergraph.graphql'), { ...urls, identity: identity.url }),
      routes: [],
      verifier: createJwtVerifier({
        keys: remoteJwks(jwksUrlOf(urls.identity!)),
        issuer: config.auth.issuer,
        audience: config.auth.audience,
      }),
      host: '127.0.0.1',
      publicHost: '127.0.0.1',
      port: 0,
      logger: pino({ level: 'silent' }),
    });
  };

  beforeAll(async () => {
    const urls = Object.fromEntries(pulse().platform.subgraphs.map((s) => [s.name, s.url]));
    identity = await holdingProxy(urls.identity!);
    gateway = await startCountingGateway();
  });
  afterAll(async () => {
    identity.release();
    await gateway.stop();
    await identity.close();
  });
  beforeEach(() => {
    identity.hold();
  });

  const send = async (token: string, body: object, url = gateway.url) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  const ask = async (token: string) => {
    const { status, text } = await send(token, {
      query: 'query Me { me { id displayName } }',
      operationName: 'Me',
    });
    return { status, body: JSON.parse(text) as object };
  };
  const metric = async (series: string) => {
    const metrics = await (await fetch(gateway.url.replace('/graphql', '/metrics'))).text();
    const line = metrics.split('\n').find((l) => l.startsWith(`${series} `));
    return Number(line?.slice(series.length + 1) ?? 0);
  };
  const joinedSoFar = () => metric('pulse_gateway_dedup_joined_queries_total');
  const answeredQueries = () =>
    metric('pulse_gateway_requests_total{operation_type="query",outcome="success"}');

  it('answers two identical concurrent queries of one athlete with one subgraph fetch', async () => {
    const ann = await anAthlete(pulse(), 'Ann Dedup');
    const fetchesBefore = identity.received();
    const joinedBefore = await joinedSoFar();
    const answeredBefore = await answeredQueries();

    const first = ask(ann.accessToken);
    await eventually(() => expect(identity.received()).toBe(fetchesBefore + 1)); // held at identity
    const second = ask(ann.accessToken);
    await eventually(async () => expect(await joinedSoFar()).toBe(joinedBefore + 1));
    identity.release();

    const expected = { status: 200, body: { data: { me: { id: ann.user.id, displayName: 'Ann Dedup' } } } };
    expect(await first).toEqual(expected);
    expect(await second).toEqual(expected);
    expect(identity.received()).toBe(fetchesBefore + 1);
    // Both are counted as answered queries, the one that shared the answer too.
    expect(await answeredQueries()).toBe(answeredBefore + 2);
  });

  it("sends a follower the leader's bytes, with a correlation id of its own", async () => {
    const ann = await anAthlete(pulse(), 'Ann Bytes');
    const body = { query: '{ me { id displayName } }' };
    const joinedBefore = await joinedSoFar();
    const fetchesBefore = identity.received();
    const first = send(ann.accessToken, body);
    const second = (async () => {
      await eventually(() => expect(identity.received()).toBe(fetchesBefore + 1)); // the first is held there
      return send(ann.accessToken, body);
    })();
    await eventually(async () => expect(await joinedSoFar()).toBe(joinedBefore + 1));
    identity.release();
    const [a, b] = await Promise.all([first, second]);
    expect(b.text).toBe(a.text);
    expect(b.headers.get('content-type')).toBe(a.headers.get('content-type'));
    expect(b.headers.get('x-correlation-id')).not.toBe(a.headers.get('x-correlation-id'));
  });

  it('never shares a mutation: an identical one runs after it', async () => {
    const ann = await anAthlete(pulse(), 'Ann Mutates');
    const body = { query: 'mutation { setTimeZone(timeZone: "Europe/Paris") { timeZone } }' };
    const fetchesBefore = identity.received();
    const answers = Promise.all([send(ann.accessToken, body), send(ann.accessToken, body)]);
    await eventually(() => expect(identity.received()).toBe(fetchesBefore + 1));
    identity.release();
    await eventually(() => expect(identity.received()).toBe(fetchesBefore + 2));
    expect((await answers).map((a) => [a.status, JSON.parse(a.text)])).toEqual(
      [1, 2].map(() => [200, { data: { setTimeZone: { timeZone: 'Europe/Paris' } } }]),
    );
  });

  it('counts every request against the rate limit, those sharing an answer too', async () => {
    const limited = await startCountingGateway({ GATEWAY_RATE_LIMIT_USER: '2/60' });
    try {
      const ann = await anAthlete(pulse(), 'Ann Limited');
      const body = { query: '{ me { id } }' };
      const fetchesBefore = identity.received();
      const answers = Promise.all([1, 2, 3].map(() => send(ann.accessToken, body, limited.url)));
      await eventually(() => expect(identity.received()).toBe(fetchesBefore + 1));
      identity.release();
      expect((await answers).map((a) => a.status).sort()).toEqual([200, 200, 429]);
      expect(identity.received()).toBe(fetchesBefore + 1); // the two let through shared one execution
    } finally {
      await limited.stop();
    }
  });

  it('sends the same query of two athletes to the subgraph twice, each answered with their own data', async () => {
    const ann = await anAthlete(pulse(), 'Ann Apart');
    const bob = await anAthlete(pulse(), 'Bob Apart');
    const fetchesBefore = identity.received();
    const joinedBefore = await joinedSoFar();

    const answers = Promise.all([ask(ann.accessToken), ask(bob.accessToken)]);
    // Both fetches reach identity while neither has an answer: nothing was shared.
    await eventually(() => expect(identity.received()).toBe(fetchesBefore + 2));
    identity.release();

    expect(await answers).toEqual([
      { status: 200, body: { data: { me: { id: ann.user.id, displayName: 'Ann Apart' } } } },
      { status: 200, body: { data: { me: { id: bob.user.id, displayName: 'Bob Apart' } } } },
    ]);
    expect(await joinedSoFar()).toBe(joinedBefore);
  });
});
