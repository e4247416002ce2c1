import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningServer } from '../../../lib/server/subgraph-server';
import { startTestGateway } from '../test-gateway';

// The gateway alone, in production mode, in front of one fake subgraph server whose answers each test
// scripts: no database is needed to pin what the gateway itself refuses, retries or gives up on.
describe('gateway protection (production configuration)', () => {
  let subgraph: Server;
  let gateway: RunningServer;
  let answer: (body: { query: string }, res: ServerResponse) => void;
  const received: string[] = [];

  beforeAll(async () => {
    subgraph = createServer((req: IncomingMessage, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString()));
      req.on('end', () => {
        const body = JSON.parse(text) as { query: string };
        received.push(body.query);
        answer(body, res);
      });
    });
    await new Promise<void>((resolve) => subgraph.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(subgraph.address() as AddressInfo).port}/graphql`;
    gateway = await startTestGateway({
      subgraphUrls: { identity: url, training: url, inventory: url },
      env: {
        NODE_ENV: 'production',
        LOG_LEVEL: 'silent',
        GATEWAY_SUBGRAPH_TIMEOUT_MS: '300',
        CORS_ORIGINS: 'https://app.example.com',
      },
    });
  });
  afterAll(async () => {
    await gateway.stop();
    subgraph.closeAllConnections();
    await new Promise((resolve) => subgraph.close(resolve));
  });
  beforeEach(() => {
    received.length = 0;
  });

  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as never };
  };
  const json = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const sports = [{ sport: 'RUN' }];

  it('refuses introspection', async () => {
    const { status, body } = await post({ query: '{ __schema { queryType { name } } }' });
    expect(status).toBe(400);
    expect(body).toMatchObject({
      errors: [
        {
          message: expect.stringMatching(/introspection is not allowed/i),
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    });
  });

  it('does not suggest field names', async () => {
    const { body } = await post({ query: '{ sport { sport } }' });
    const { errors } = body as { errors: { message: string }[] };
    expect(errors[0]?.message).toMatch(/Cannot query field "sport" on type "Query"/);
    expect(errors[0]?.message).not.toMatch(/Did you mean/);
  });

  it('refuses simple cross-site requests (CSRF prevention)', async () => {
    const plain = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ sports { sport } }' }),
    });
    expect(plain.status).toBe(400);
    expect(await plain.text()).toMatch(/CSRF/);
    const get = await fetch(`${gateway.url}?query=${encodeURIComponent('{ sports { sport } }')}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF/);
    expect(received).toEqual([]);
  });

  it('answers a preflight from an allowed origin, and refuses one from another', async () => {
    const preflight = (origin: string) =>
      fetch(gateway.url, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, authorization',
        },
      });
    const allowed = await preflight('https://app.example.com');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const refused = await preflight('http://localhost:3000');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(await refused.json()).toEqual({
      errors: [
        {
          message: 'Browsers at http://localhost:3000 may not call this API: add the origin to CORS_ORIGINS.',
          extensions: { code: 'FORBIDDEN' },
        },
      ],
    });
  });

  it('retries a query once the subgraph failed with 503', async () => {
    let calls = 0;
    answer = (_body, res) =>
      ++calls === 1 ? json(res, 503, { error: 'busy' }) : json(res, 200, { data: { sports } });
    const { status, body } = await post({ query: '{ sports { sport } }' });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { sports } });
    expect(received).toHaveLength(2);
  });

  it('does not retry a mutation', async () => {
    answer = (_body, res) => json(res, 503, { error: 'busy' });
    const { body } = await post({ query: 'mutation { logout(refreshToken: "x") }' });
    expect((body as { errors: unknown[] }).errors).toHaveLength(1);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatch(/^mutation/);
  });

  it('gives up on a subgraph that does not answer in time with SUBGRAPH_TIMEOUT', async () => {
    answer = () => undefined; // never answers
    const { body } = await post({ query: '{ sports { sport } }' });
    expect(body).toMatchObject({
      errors: [
        {
          message: expect.stringMatching(/service did not answer within 300 ms/),
          extensions: { code: 'SUBGRAPH_TIMEOUT' },
        },
      ],
    });
    expect(received).toHaveLength(1);
  });
});
