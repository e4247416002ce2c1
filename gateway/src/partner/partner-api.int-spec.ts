import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningServer } from '../../../lib/server/subgraph-server';
import { startTestGateway } from '../test-gateway';

// The gateway in front of one stand-in for identity's key check and for the subgraphs, which records
// what the partner API sends upstream.
describe('the partner API', () => {
  let standIn: Server;
  let gateway: RunningServer;
  const subgraphHeaders: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    standIn = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        if (req.url === '/internal/partner-keys/verify') {
          const { key } = JSON.parse(body) as { key: string };
          res.end(
            JSON.stringify(
              key === 'pk_good' ? { valid: true, partnerId: 'p-1', name: 'Acme' } : { valid: false },
            ),
          );
          return;
        }
        subgraphHeaders.push(req.headers);
        res.end(JSON.stringify({ data: { sports: [{ sport: 'RUN' }] } }));
      });
    });
    await new Promise<void>((resolve) => standIn.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(standIn.address() as AddressInfo).port}`;
    const urls = {
      identity: `${origin}/graphql`,
      training: `${origin}/graphql`,
      inventory: `${origin}/graphql`,
    };
    gateway = await startTestGateway({
      subgraphUrls: urls,
      env: { PARTNER_RATE_LIMIT: '2' },
      jwksUrl: `${origin}/jwks.json`,
      issuer: 'i',
      audience: 'a',
    });
  });
  afterAll(async () => {
    await gateway.stop();
    await new Promise((resolve) => standIn.close(resolve));
  });

  const ask = async (key: string) => {
    const response = await fetch(gateway.url.replace('/graphql', '/partner/graphql'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ query: '{ sports { sport } }' }),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: await response.json(),
    };
  };

  it('calls subgraphs anonymously, naming the partner, then limits the key per minute', async () => {
    expect(await ask('pk_good')).toMatchObject({
      status: 200,
      body: { data: { sports: [{ sport: 'RUN' }] } },
    });
    expect(subgraphHeaders.at(-1)).toMatchObject({ 'x-partner-id': 'p-1' });
    expect(subgraphHeaders.at(-1)?.authorization).toBeUndefined();

    expect((await ask('pk_good')).status).toBe(200);
    const limited = await ask('pk_good');
    expect(limited.status).toBe(429);
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);
    expect(limited.body).toEqual({
      errors: [
        {
          message: expect.stringMatching(/more than 2 requests/),
          extensions: { code: 'RATE_LIMITED', retryAfterSeconds: Number(limited.retryAfter) },
        },
      ],
    });
  });

  it('refuses a key identity does not know with 401', async () => {
    expect(await ask('pk_bad')).toMatchObject({
      status: 401,
      body: { errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] },
    });
  });
});
