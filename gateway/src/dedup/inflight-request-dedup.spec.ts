import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import {
  inflightRequestDedup,
  keepRawBody,
  leaderTicketOf,
  type SharedAnswer,
} from './inflight-request-dedup';

/**
 * A server whose handler counts its calls, waits for the test to open the gate, fills in the leader ticket
 * as Apollo Server's pipeline would (the operation type comes from the body) and answers.
 */
async function newTestServer() {
  let calls = 0;
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const joined: SharedAnswer[] = [];
  const app = express();
  app.use(
    express.json({ verify: keepRawBody }),
    inflightRequestDedup({
      scopeOf: async (req) => {
        const user = req.headers['x-user'];
        return user === 'forged' ? null : `user:${String(user ?? 'anonymous')}`;
      },
      onShared: (answer) => joined.push(answer),
    }),
  );
  app.post('/graphql', async (req, res) => {
    calls += 1;
    const call = calls;
    await gate;
    const {
      kind = 'query',
      stream = false,
      status = 200,
    } = req.body as {
      kind?: string;
      stream?: boolean;
      status?: number;
    };
    const ticket = leaderTicketOf(res);
    if (ticket) Object.assign(ticket, { operationType: kind, complete: !stream });
    res.setHeader('cache-control', 'private');
    if (stream) {
      res.write(`{"call":${call},`);
      res.end('"part":2}');
      return;
    }
    res.status(status).json({ call, user: req.headers['x-user'] ?? null });
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const ask = async (body: object, headers: Record<string, string> = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      cacheControl: response.headers.get('cache-control'),
      text: await response.text(),
    };
  };
  const waitUntil = async (reached: () => boolean) => {
    while (!reached()) await new Promise((resolve) => setTimeout(resolve, 2));
  };
  return {
    ask,
    calls: () => calls,
    joined,
    /** Opens the gate once `count` handler calls are waiting at it. */
    releaseAfterCalls: async (count: number) => {
      await waitUntil(() => calls >= count);
      // The other requests reach the middleware meanwhile: let them join before the answer goes out.
      await new Promise((resolve) => setTimeout(resolve, 50));
      open();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('inflightRequestDedup', () => {
  let t: Awaited<ReturnType<typeof newTestServer>>;
  beforeEach(async () => {
    t = await newTestServer();
  });
  afterEach(() => t.close());

  it("answers identical concurrent requests of one caller with one execution and the leader's very bytes", async () => {
    const asked = [1, 2, 3].map(() => t.ask({ query: '{ me }' }, { 'x-user': 'ann' }));
    await t.releaseAfterCalls(1);
    const answers = await Promise.all(asked);
    expect(t.calls()).toBe(1);
    expect(answers).toEqual(
      [1, 2, 3].map(() => ({ status: 200, cacheControl: 'private', text: '{"call":1,"user":"ann"}' })),
    );
    expect(t.joined.map((a) => a.ticket.operationType)).toEqual(['query', 'query']);
  });

  it("shares the leader's status with its answer", async () => {
    const asked = [1, 2].map(() => t.ask({ status: 503 }, { 'x-user': 'ann' }));
    await t.releaseAfterCalls(1);
    const answers = await Promise.all(asked);
    expect(t.calls()).toBe(1);
    expect(answers.map((a) => [a.status, a.text])).toEqual(
      [1, 2].map(() => [503, '{"call":1,"user":"ann"}']),
    );
  });

  it('never shares between callers, nor between bodies or Accept headers that differ', async () => {
    const asked = [
      t.ask({ query: '{ me }' }, { 'x-user': 'ann' }),
      t.ask({ query: '{ me }' }, { 'x-user': 'bob' }),
      t.ask({ query: '{ me }' }),
      t.ask({ query: '{me}' }, { 'x-user': 'ann' }),
      t.ask({ query: '{ me }' }, { 'x-user': 'ann', accept: 'application/graphql-response+json' }),
    ];
    await t.releaseAfterCalls(5);
    const answers = await Promise.all(asked);
    expect(t.calls()).toBe(5);
    expect(new Set(answers.map((a) => JSON.parse(a.text).call)).size).toBe(5);
    expect(t.joined).toEqual([]);
  });

  it('lets the followers of a mutation run on their own', async () => {
    const asked = [1, 2].map(() => t.ask({ kind: 'mutation' }, { 'x-user': 'ann' }));
    await t.releaseAfterCalls(1);
    const answers = await Promise.all(asked);
    expect(t.calls()).toBe(2);
    expect(answers.map((a) => JSON.parse(a.text).call).sort()).toEqual([1, 2]);
  });

  it('lets the followers of an answer streamed in parts run on their own', async () => {
    const asked = [1, 2].map(() => t.ask({ stream: true }, { 'x-user': 'ann' }));
    await t.releaseAfterCalls(1);
    const answers = await Promise.all(asked);
    expect(t.calls()).toBe(2);
    expect(answers.map((a) => JSON.parse(a.text).call).sort()).toEqual([1, 2]);
  });

  it('shares nothing for a caller without a scope (a token that fails verification)', async () => {
    const asked = [1, 2].map(() => t.ask({ query: '{ me }' }, { 'x-user': 'forged' }));
    await t.releaseAfterCalls(2);
    await Promise.all(asked);
    expect(t.calls()).toBe(2);
  });

  it('executes again once the answer went out: only requests in flight share', async () => {
    const first = t.ask({ query: '{ me }' }, { 'x-user': 'ann' });
    await t.releaseAfterCalls(1);
    await first;
    expect(JSON.parse((await t.ask({ query: '{ me }' }, { 'x-user': 'ann' })).text).call).toBe(2);
    expect(t.joined).toEqual([]);
  });
});
