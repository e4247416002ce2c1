import { createServer, type Server } from 'node:http';
import type { RunningServer } from '../../../lib/server/subgraph-server';
import { listenOn } from '../../../lib/testing/listen';
import { closeServer, serveTestSigningKey, startTestGateway, type ServedTestKey } from '../test-gateway';

// The gateway in front of a stand-in for every subgraph that counts the requests it gets: an operation the
// gateway refuses for @auth must leave the count at zero.
describe('the gateway checks @auth before calling any subgraph', () => {
  let jwks: ServedTestKey;
  let subgraph: Server;
  let subgraphCalls = 0;
  let gateway: RunningServer;

  beforeAll(async () => {
    jwks = await serveTestSigningKey();
    subgraph = createServer((_req, res) => {
      subgraphCalls += 1;
      res.statusCode = 503;
      res.end();
    });
    const subgraphOrigin = await listenOn(subgraph);
    const everywhere = { identity: subgraphOrigin, training: subgraphOrigin, inventory: subgraphOrigin };
    gateway = await startTestGateway({ subgraphUrls: everywhere, jwksUrl: jwks.url });
  });
  afterAll(async () => {
    await gateway.stop();
    await jwks.close();
    await closeServer(subgraph);
  });
  beforeEach(() => {
    subgraphCalls = 0;
  });

  const tokenWith = (roles: string[]) => jwks.sign({ roles });

  const ask = async (query: string, token?: string) => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as object };
  };

  it('refuses an anonymous `me` with UNAUTHENTICATED (401), calling no subgraph', async () => {
    expect(await ask('{ sports { sport } me { id } }')).toEqual({
      status: 401,
      body: {
        errors: [
          {
            message: 'Sign in first: Query.me needs a valid access token (Authorization: Bearer <token>).',
            extensions: { code: 'UNAUTHENTICATED' },
          },
        ],
      },
    });
    expect(subgraphCalls).toBe(0);
  });

  it('refuses an anonymous mutation that needs a signed-in user', async () => {
    const { status } = await ask(
      'mutation { addGear(input: { kind: SHOES, brand: "A", model: "B" }) { id } }',
    );
    expect(status).toBe(401);
    expect(subgraphCalls).toBe(0);
  });

  it('refuses partner keys to an athlete with FORBIDDEN (403), calling no subgraph', async () => {
    const { status, body } = await ask('{ partnerApiKeys { id name } }', await tokenWith(['ATHLETE']));
    expect(status).toBe(403);
    expect(body).toEqual({
      errors: [
        {
          message: 'Query.partnerApiKeys needs the role ADMIN or PARTNER, which your account does not have.',
          extensions: { code: 'FORBIDDEN' },
        },
      ],
    });
    expect(subgraphCalls).toBe(0);
  });

  it('lets an allowed operation through to the subgraph (here the stand-in fails it)', async () => {
    const { body } = await ask('{ partnerApiKeys { id } }', await tokenWith(['ADMIN']));
    expect(body).toEqual({
      data: null,
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
    expect(subgraphCalls).toBeGreaterThan(0);
  });

  it('refuses the partner API without an API key (401), without asking identity', async () => {
    const response = await fetch(gateway.url.replace('/graphql', '/partner/graphql'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ sports { sport } }' }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errors: [{ message: expect.stringMatching(/x-api-key/), extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(subgraphCalls).toBe(0);
  });
});
