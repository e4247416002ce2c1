import { Agent, createServer, request, type ServerResponse } from 'node:http';
import { listenOn } from '../testing/listen';
import { drainable } from './drain';

/** A server whose /slow requests wait until the test answers them; anything else is answered at once. */
async function newServer() {
  const held: ServerResponse[] = [];
  const server = createServer((req, res) => {
    if (req.url === '/slow') held.push(res);
    else res.end('quick');
  });
  server.keepAliveTimeout = 60_000;
  const drain = drainable(server);
  const url = await listenOn(server);
  return { server, drain, url, held };
}

/** A GET on its own kept-alive connection: status, `connection` header, body, or the error's code. */
function get(url: string) {
  return new Promise<{ status: number; connection?: string; body: string } | { error?: string }>(
    (resolve) => {
      const req = request(url, { agent: new Agent({ keepAlive: true }) }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }),
        );
        res.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code }));
      });
      req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code }));
      req.end();
    },
  );
}

const until = async (check: () => boolean) => {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
};

/** A new server with one /slow request held open: `inFlight` is its answer, `held[0]` the response to write. */
async function newServerWithSlowRequest() {
  const { drain, url, held } = await newServer();
  const inFlight = get(`${url}/slow`);
  await until(() => held.length === 1);
  return { drain, url, held, inFlight };
}

describe('drainable', () => {
  it('finishes the requests in flight, telling their clients the connection ends, and refuses new ones', async () => {
    const { drain, url, held, inFlight } = await newServerWithSlowRequest();

    const drained = drain.drain(10_000);
    expect(await get(`${url}/quick`)).toEqual({ error: 'ECONNREFUSED' });
    held[0]!.end('slow');
    expect(await inFlight).toEqual({ status: 200, connection: 'close', body: 'slow' });
    await drained;
  });

  it('closes a kept-alive connection whose answer had begun before the drain, once that answer ends', async () => {
    const { drain, held, inFlight } = await newServerWithSlowRequest();
    held[0]!.write('sl');

    const drained = drain.drain(10_000);
    held[0]!.end('ow');
    expect(await inFlight).toEqual({ status: 200, connection: 'keep-alive', body: 'slow' });
    // Resolves without waiting for the server's 60 s keep-alive timeout.
    await drained;
  });

  it('cuts what is still running when the grace period is over', async () => {
    const { drain, inFlight } = await newServerWithSlowRequest();

    await drain.drain(50);
    expect(await inFlight).toEqual({ error: 'ECONNRESET' });
  });
});
