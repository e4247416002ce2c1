import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import type { RunningServer } from '../../lib/server/subgraph-server';
import { startTestGateway } from './test-gateway';

// The gateway alone, verifying tokens against a JWKS served by this test: no subgraph is needed to
// prove that a bad token never gets past it.
describe('gateway token verification', () => {
  let jwksServer: Server;
  let gateway: RunningServer;
  let privateKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    const jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'test', alg: 'ES256' }] };
    jwksServer = createServer((_req, res) =>
      res.setHeader('content-type', 'application/json').end(JSON.stringify(jwks)),
    );
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
    // Port 9 (discard) is closed here: the subgraphs are deliberately unreachable.
    gateway = await startTestGateway({
      subgraphUrls: { identity: 'http://127.0.0.1:9/graphql', training: 'http://127.0.0.1:9/graphql' },
      routes: [
        { path: '/telemetry', bodyLimitBytes: 5 * 1024 * 1024, rateLimit: 'telemetry', subgraph: 'training' },
      ],
      jwksUrl,
    });
  });
  afterAll(async () => {
    await gateway.stop();
    await new Promise((resolve) => jwksServer.close(resolve));
  });

  const sign = (expiresAt: number, audience = 'pulse') =>
    new SignJWT({ roles: ['ATHLETE'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'test' })
      .setIssuer('pulse-identity')
      .setAudience(audience)
      .setSubject('01a1fb5a-fdb9-7073-b8d6-1cd4878c2c91')
      .setIssuedAt(expiresAt - 900)
      .setExpirationTime(expiresAt)
      .sign(privateKey);

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

  it('lets a valid token through; an unreachable subgraph is an internal error that reveals no address', async () => {
    const { status, body } = await askWith(await sign(Math.floor(Date.now() / 1000) + 600));
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
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
