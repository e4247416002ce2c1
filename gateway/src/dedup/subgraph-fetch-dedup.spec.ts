import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dedupingFetcher, isQueryBody } from './subgraph-fetch-dedup';

/** A subgraph stand-in that counts requests, holds them until released, and echoes what it received. */
async function newTestSubgraph() {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const received: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      received.push(Buffer.concat(chunks).toString());
      await gate;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { n: received.length, auth: req.headers.authorization ?? null } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const releaseAfter = async (count: number) => {
    while (received.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
    open();
  };
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { url, received, releaseAfter, close };
}

const QUERY = JSON.stringify({ query: 'query Me__identity__0{me{id}}', variables: {} });
const MUTATION = JSON.stringify({ query: 'mutation Bump__training__0{bump}', variables: {} });
const post = (body: string, authorization = 'Bearer a') => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization },
  body,
});

describe('dedupingFetcher', () => {
  it('sends identical concurrent subgraph queries once; each caller parses its own copy', async () => {
    const subgraph = await newTestSubgraph();
    let shared = 0;
    const fetcher = dedupingFetcher({ onShared: () => (shared += 1) });
    const responses = Promise.all([1, 2, 3].map(() => fetcher(subgraph.url, post(QUERY))));
    await subgraph.releaseAfter(1);
    const bodies = await Promise.all((await responses).map((r) => r.json() as Promise<object>));
    expect(subgraph.received).toEqual([QUERY]);
    expect(shared).toBe(2);
    expect(bodies).toEqual([1, 2, 3].map(() => ({ data: { n: 1, auth: 'Bearer a' } })));
    expect(new Set(bodies).size).toBe(3);
    await subgraph.close();
  });

  it('sends mutations, different callers and different bodies each on their own', async () => {
    const subgraph = await newTestSubgraph();
    const fetcher = dedupingFetcher();
    const other = JSON.stringify({ query: 'query Me__identity__0{me{displayName}}', variables: {} });
    const responses = Promise.all([
      fetcher(subgraph.url, post(MUTATION)),
      fetcher(subgraph.url, post(MUTATION)),
      fetcher(subgraph.url, post(QUERY, 'Bearer a')),
      fetcher(subgraph.url, post(QUERY, 'Bearer b')),
      fetcher(subgraph.url, post(other, 'Bearer a')),
    ]);
    await subgraph.releaseAfter(5);
    const auths = await Promise.all(
      (await responses).map(async (r) => ((await r.json()) as { data: { auth: string } }).data.auth),
    );
    expect(subgraph.received).toHaveLength(5);
    expect(auths).toEqual(['Bearer a', 'Bearer a', 'Bearer a', 'Bearer b', 'Bearer a']);
    await subgraph.close();
  });

  it('sends the same query again once the first answer has arrived', async () => {
    const subgraph = await newTestSubgraph();
    const fetcher = dedupingFetcher();
    await subgraph.releaseAfter(0);
    await fetcher(subgraph.url, post(QUERY));
    await fetcher(subgraph.url, post(QUERY));
    expect(subgraph.received).toHaveLength(2);
    await subgraph.close();
  });
});

describe('isQueryBody', () => {
  it('recognises the query operations the gateway sends, and nothing else', () => {
    expect(isQueryBody(QUERY)).toBe(true);
    expect(isQueryBody(JSON.stringify({ query: '{me{id}}' }))).toBe(true);
    expect(isQueryBody(MUTATION)).toBe(false);
    expect(isQueryBody(JSON.stringify({ query: 'subscription S{x}' }))).toBe(false);
    expect(isQueryBody(JSON.stringify({ variables: {}, query: 'query Q{x}' }))).toBe(false);
    expect(isQueryBody(undefined)).toBe(false);
  });
});
