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

  beforeAll(async () => {
    const urls = Object.fromEntries(pulse().platform.subgraphs.map((s) => [s.name, s.url]));
    identity = await holdingProxy(urls.identity!);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    gateway = await startGateway({
      config,
      // A gateway of its own whose identity subgraph is reached through the counting hop.
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
  });
  afterAll(async () => {
    identity.release();
    await gateway.stop();
    await identity.close();
  });
  beforeEach(() => {
    identity.hold();
  });

  const ask = async (token: string) => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'query Me { me { id displayName } }', operationName: 'Me' }),
    });
    return { status: response.status, body: (await response.json()) as object };
  };
  const joinedSoFar = async () => {
    const metrics = await (await fetch(gateway.url.replace('/graphql', '/metrics'))).text();
    return Number(/^pulse_gateway_dedup_joined_queries_total (\d+)$/m.exec(metrics)?.[1] ?? NaN);
  };

  it('answers two identical concurrent queries of one athlete with one subgraph fetch', async () => {
    const ann = await anAthlete(pulse(), 'Ann Dedup');
    const fetchesBefore = identity.received();
    const joinedBefore = await joinedSoFar();

    const first = ask(ann.accessToken);
    await eventually(() => expect(identity.received()).toBe(fetchesBefore + 1)); // held at identity
    const second = ask(ann.accessToken);
    await eventually(async () => expect(await joinedSoFar()).toBe(joinedBefore + 1));
    identity.release();

    const expected = { status: 200, body: { data: { me: { id: ann.user.id, displayName: 'Ann Dedup' } } } };
    expect(await first).toEqual(expected);
    expect(await second).toEqual(expected);
    expect(identity.received()).toBe(fetchesBefore + 1);
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
