import type { RunningServer } from '../../lib/server/subgraph-server';
import { serveTestSigningKey, startTestGateway, type ServedTestKey } from './test-gateway';

// The gateway alone, verifying tokens against a JWKS served by this test: no subgraph is needed to
// prove that a bad token never gets past it.
describe('gateway token verification', () => {
  let jwks: ServedTestKey;
  let gateway: RunningServer;

  beforeAll(async () => {
    jwks = await serveTestSigningKey();
    // Port 9 (discard) is closed here: the subgraphs are deliberately unreachable.
    gateway = await startTestGateway({
      subgraphUrls: { identity: 'http://127.0.0.1:9/graphql', training: 'http://127.0.0.1:9/graphql' },
      routes: [
        { path: '/telemetry', bodyLimitBytes: 5 * 1024 * 1024, rateLimit: 'telemetry', subgraph: 'training' },
      ],
      jwksUrl: jwks.url,
    });
  });
  afterAll(async () => {
    await gateway.stop();
    await jwks.close();
  });

  const sign = (expiresAt: number, audience = 'pulse') =>
    jwks.sign({ audience, issuedAt: expiresAt - 900, expiresAt });

  const askWith = async (token: string) => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    return {
      status: response.status,
      body: (await response.json()) as { errors?: { message: string; extensions: object }[] },
    };
  };

  it('rejects an expired token with UNAUTHENTICATED and tells the client to refresh', async () => {
    const { status, body } = await askWith(await sign(Math.floor(Date.now() / 1000) - 60));
    expect(status).toBe(401);
    expect(body.errors).toEqual([
      { message: expect.stringMatching(/expired.*refreshToken/), extensions: { code: 'UNAUTHENTICATED' } },
    ]);
  });

  it('rejects a token meant for another audience', async () => {
    const { status, body } = await askWith(await sign(Math.floor(Date.now() / 1000) + 600, 'someone-else'));
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });

  it('lets a valid token through; an unreachable subgraph is SUBGRAPH_UNAVAILABLE and reveals no address', async () => {
    const { status, body } = await askWith(await sign(Math.floor(Date.now() / 1000) + 600));
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      {
        message: expect.stringMatching(
          /^The (identity|training) service cannot be reached\. Try again in a moment\.$/,
        ),
        extensions: {
          code: 'SUBGRAPH_UNAVAILABLE',
          serviceName: expect.stringMatching(/^(identity|training)$/),
          retryAfterSeconds: 1,
        },
      },
    ]);
  });

  it('refuses telemetry uploads with an expired token before proxying them', async () => {
    const response = await fetch(gateway.url.replace('/graphql', '/telemetry/workouts/w/batches/b'), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-ndjson',
        authorization: `Bearer ${await sign(Math.floor(Date.now() / 1000) - 60)}`,
      },
      body: '{"seq":0,"t":0}',
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errors: [{ message: expect.stringMatching(/expired/), extensions: { code: 'UNAUTHENTICATED' } }],
    });
  });

  it('is not ready while its subgraphs do not answer', async () => {
    const response = await fetch(gateway.url.replace('/graphql', '/ready'));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: 'not ready',
      reason: expect.stringContaining('identity unreachable'),
    });
  });
});
