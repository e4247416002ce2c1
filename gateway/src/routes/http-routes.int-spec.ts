import { createServer, request, type Server } from 'node:http';
import { listenOn } from '../../../lib/testing/listen';
import type { RunningGateway } from '../gateway-server';
import { closeServer, newTestSigningKey, type SignTestToken, startTestGateway } from '../test-gateway';

// The gateway in front of a stand-in training subgraph that answers every route with the bytes it got.
describe('HTTP routes from the context descriptors', () => {
  let standIn: Server;
  let gateway: RunningGateway;
  let sign: SignTestToken;
  let origin: string;

  beforeAll(async () => {
    const key = await newTestSigningKey();
    sign = key.sign;
    standIn = createServer((req, res) => {
      if (req.url === '/jwks.json') {
        res.setHeader('content-type', 'application/json').end(JSON.stringify(key.jwks));
        return;
      }
      let received = 0;
      req.on('data', (chunk: Buffer) => (received += chunk.length));
      req.on('end', () =>
        res.setHeader('content-type', 'application/json').end(JSON.stringify({ received })),
      );
    });
    const subgraph = await listenOn(standIn);
    gateway = await startTestGateway({
      subgraphUrls: { identity: 'http://127.0.0.1:9/graphql', training: `${subgraph}/graphql` },
      routes: [
        { path: '/imports', bodyLimitBytes: 1000, rateLimit: 'imports', subgraph: 'training' },
        { path: '/exports', bodyLimitBytes: 10, subgraph: 'training' },
      ],
      env: {
        GATEWAY_RATE_LIMIT_IMPORTS_USER: '100/60',
        GATEWAY_RATE_LIMIT_USER: '3/60',
        GATEWAY_RATE_LIMIT_IP: '1000/60',
      },
      jwksUrl: `${subgraph}/jwks.json`,
    });
    origin = new URL(gateway.url).origin;
  });
  afterAll(async () => {
    await gateway.stop();
    await closeServer(standIn);
  });

  const token = (userId: string) => sign({ subject: userId });

  /** POSTs `chunks` to `path`, chunked (no Content-Length) unless `length` is given. */
  const post = (path: string, auth: string, chunks: Buffer[], length?: number) =>
    new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      const { port } = new URL(origin);
      const headers: Record<string, string | number> = { authorization: `Bearer ${auth}` };
      if (length !== undefined) headers['content-length'] = length;
      const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        // The gateway may close the connection while the rest of a refused body is still being sent.
        if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
      });
      for (const chunk of chunks) req.write(chunk);
      req.end();
    });
  const tooLarge = (limit: number) => ({
    status: 413,
    body: {
      errors: [{ message: expect.stringContaining(`${limit} bytes`), extensions: { code: 'BAD_REQUEST' } }],
    },
  });

  it('proxies a body within the limit to the subgraph', async () => {
    const auth = await token('0190a1fb-0000-7000-8000-000000000001');
    expect(await post('/imports?fileName=a.gpx', auth, [Buffer.alloc(600), Buffer.alloc(400)])).toEqual({
      status: 200,
      body: { received: 1000 },
    });
  });

  it('refuses a body whose Content-Length is over the limit with 413, before proxying', async () => {
    const auth = await token('0190a1fb-0000-7000-8000-000000000002');
    expect(await post('/imports', auth, [Buffer.alloc(1001)], 1001)).toMatchObject(tooLarge(1000));
  });

  it('refuses a chunked body with 413 once its bytes pass the limit', async () => {
    const auth = await token('0190a1fb-0000-7000-8000-000000000003');
    const chunks = Array.from({ length: 8 }, () => Buffer.alloc(300));
    expect(await post('/imports', auth, chunks)).toMatchObject(tooLarge(1000));
  });

  it('refuses a request without a token with UNAUTHENTICATED', async () => {
    const response = await fetch(`${origin}/exports/workouts/w.gpx`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
  });

  it('gives a route without a named limit the general sizes, counted apart from /graphql', async () => {
    const auth = await token('0190a1fb-0000-7000-8000-000000000004');
    const get = async () =>
      (await fetch(`${origin}/exports/workouts/w.gpx`, { headers: { authorization: `Bearer ${auth}` } }))
        .status;
    expect([await get(), await get(), await get(), await get()]).toEqual([200, 200, 200, 429]);
    // /graphql's own per-user count is untouched (its answer here is not RATE_LIMITED).
    const graphql = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(graphql.status).toBe(200);
  });
});
