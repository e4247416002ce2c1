import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { IDLE_CONNECTION_MS, sendRaw } from './subgraph-fetcher';
import { SERVER_KEEP_ALIVE_MS } from '../../lib/server/listen';

type Misbehaviour = (res: ServerResponse) => void;

/**
 * A subgraph stand-in that answers the first request on each connection and treats every later one on
 * it with `misbehave`, as a server does whose side of a kept-alive connection is going away.
 */
async function newFlakySubgraph(misbehave: Misbehaviour) {
  const received: string[] = [];
  const requestsOn = new Map<Socket, number>();
  const server = createServer((req, res) => {
    const count = (requestsOn.get(req.socket) ?? 0) + 1;
    requestsOn.set(req.socket, count);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push(Buffer.concat(chunks).toString());
      if (count > 1) return misbehave(res);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { n: received.length } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const close = () => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { url, received, close };
}

const post = (query: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query }),
});
const QUERY = '{ me { id } }';
const MUTATION = 'mutation { bump }';

describe('sendRaw', () => {
  it('closes idle connections before the subgraph servers would', () => {
    expect(IDLE_CONNECTION_MS).toBeLessThan(SERVER_KEEP_ALIVE_MS);
  });

  it('resends, on a new connection, a mutation whose reused connection was closed before any answer', async () => {
    const subgraph = await newFlakySubgraph((res) => res.socket?.destroy());
    try {
      expect((await sendRaw(subgraph.url, post(QUERY))).status).toBe(200);
      const answer = await sendRaw(subgraph.url, post(MUTATION));
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text)).toEqual({ data: { n: 3 } });
      expect(subgraph.received.map((body) => JSON.parse(body).query)).toEqual([QUERY, MUTATION, MUTATION]);
    } finally {
      await subgraph.close();
    }
  });

  it('does not resend a request whose answer had begun to arrive', async () => {
    const subgraph = await newFlakySubgraph((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data":', () => res.socket?.destroy());
    });
    try {
      await sendRaw(subgraph.url, post(QUERY));
      await expect(sendRaw(subgraph.url, post(MUTATION))).rejects.toThrow();
      expect(subgraph.received.map((body) => JSON.parse(body).query)).toEqual([QUERY, MUTATION]);
    } finally {
      await subgraph.close();
    }
  });

  it('does not resend a request that failed on a new connection', async () => {
    let received = 0;
    const server = createServer((req) => {
      received++;
      req.socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    try {
      await expect(sendRaw(url, post(MUTATION))).rejects.toMatchObject({ code: 'ECONNRESET' });
      expect(received).toBe(1);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
