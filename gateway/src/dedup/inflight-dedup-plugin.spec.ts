import { ApolloServer, type GraphQLResponse } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { inflightDedupPlugin } from './inflight-dedup-plugin';

interface Ctx {
  userId: string | null;
}

/** A server whose resolvers count their calls and wait for the test to open the gate. */
function newTestServer() {
  let calls = 0;
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let joined = 0;
  const server = new ApolloServer<Ctx>({
    typeDefs: `type Query { greeting(name: String): String, failing: String }
               type Mutation { bump: Int }`,
    resolvers: {
      Query: {
        greeting: async (_: unknown, { name }: { name?: string }, ctx: Ctx) => {
          calls += 1;
          await gate;
          return `hello ${name ?? ctx.userId ?? 'stranger'}`;
        },
        failing: async () => {
          calls += 1;
          await gate;
          throw new GraphQLError('The thing is gone.', { extensions: { code: 'NOT_FOUND' } });
        },
      },
      Mutation: {
        bump: async () => {
          calls += 1;
          await gate;
          return calls;
        },
      },
    },
    plugins: [
      inflightDedupPlugin<Ctx>({
        scopeOf: (ctx) => (ctx.userId ? `user:${ctx.userId}` : 'anonymous'),
        onJoined: () => (joined += 1),
      }),
    ],
  });
  const ask = (query: string, userId: string | null, variables?: Record<string, unknown>) =>
    server.executeOperation({ query, variables }, { contextValue: { userId } });
  /** Waits until `reached()`, then lets the resolvers finish. */
  const releaseWhen = async (reached: () => boolean) => {
    while (!reached()) await new Promise((resolve) => setImmediate(resolve));
    open();
  };
  return {
    server,
    ask,
    /** Releases once `count` requests have joined one in flight. */
    releaseAfterJoins: (count: number) => releaseWhen(() => joined >= count),
    /** Releases once the resolvers have been called `count` times. */
    releaseAfterCalls: (count: number) => releaseWhen(() => calls >= count),
    calls: () => calls,
    joined: () => joined,
  };
}

const single = (response: GraphQLResponse) => {
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult;
};

describe('inflightDedupPlugin', () => {
  let t: ReturnType<typeof newTestServer>;
  beforeEach(() => {
    t = newTestServer();
  });
  afterEach(() => t.server.stop());

  it('answers identical concurrent queries of one user with one execution, each with its own copy', async () => {
    const asked = [t.ask('{ greeting }', 'u1'), t.ask('{ greeting }', 'u1'), t.ask('{ greeting }', 'u1')];
    await t.releaseAfterJoins(2);
    const answers = (await Promise.all(asked)).map(single);
    expect(t.calls()).toBe(1);
    expect(answers).toEqual([1, 2, 3].map(() => ({ data: { greeting: 'hello u1' } })));
    expect(new Set(answers.map((a) => a.data)).size).toBe(3); // no two responses share an object
  });

  it('never shares between users, nor between an anonymous caller and a user', async () => {
    const asked = [t.ask('{ greeting }', 'u1'), t.ask('{ greeting }', 'u2'), t.ask('{ greeting }', null)];
    await t.releaseAfterCalls(3);
    expect((await Promise.all(asked)).map((r) => single(r).data)).toEqual([
      { greeting: 'hello u1' },
      { greeting: 'hello u2' },
      { greeting: 'hello stranger' },
    ]);
    expect(t.joined()).toBe(0);
  });

  it('does not share queries whose variables, text or operation name differ', async () => {
    const named = 'query A($n: String) { greeting(name: $n) } query B { greeting }';
    const asked = [
      t.ask('query ($n: String) { greeting(name: $n) }', 'u1', { n: 'Ann' }),
      t.ask('query ($n: String) { greeting(name: $n) }', 'u1', { n: 'Bob' }),
      t.ask('{ greeting(name: "Ann") }', 'u1'),
      t.server.executeOperation(
        { query: named, operationName: 'A', variables: { n: 'Cy' } },
        { contextValue: { userId: 'u1' } },
      ),
      t.server.executeOperation({ query: named, operationName: 'B' }, { contextValue: { userId: 'u1' } }),
    ];
    await t.releaseAfterCalls(5);
    expect((await Promise.all(asked)).map((r) => single(r).data?.greeting)).toEqual([
      'hello Ann',
      'hello Bob',
      'hello Ann',
      'hello Cy',
      'hello u1',
    ]);
    expect(t.joined()).toBe(0);
  });

  it('never shares mutations', async () => {
    const asked = [t.ask('mutation { bump }', 'u1'), t.ask('mutation { bump }', 'u1')];
    await t.releaseAfterCalls(2);
    expect((await Promise.all(asked)).map((r) => single(r).data?.bump).sort()).toEqual([2, 2]);
    expect(t.calls()).toBe(2);
    expect(t.joined()).toBe(0);
  });

  it('shares errors too, with the same code and status', async () => {
    const asked = [t.ask('{ failing }', 'u1'), t.ask('{ failing }', 'u1')];
    await t.releaseAfterJoins(1);
    const [first, second] = await Promise.all(asked);
    expect(t.calls()).toBe(1);
    expect(single(second!)).toEqual(single(first!));
    expect(single(second!).errors).toEqual([
      expect.objectContaining({ message: 'The thing is gone.', extensions: { code: 'NOT_FOUND' } }),
    ]);
    expect(second!.http.status).toBe(first!.http.status);
  });

  it('executes again once the first answer was sent: only requests in flight share', async () => {
    const first = t.ask('{ greeting }', 'u1');
    await t.releaseAfterCalls(1);
    await first;
    await t.ask('{ greeting }', 'u1');
    expect(t.calls()).toBe(2);
    expect(t.joined()).toBe(0);
  });

  it('leaves requests that fail before execution (syntax, validation) to answer on their own', async () => {
    const [broken, unknown] = await Promise.all([t.ask('{ greeting', 'u1'), t.ask('{ nope }', 'u1')]);
    expect(single(broken).errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(single(unknown).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(t.calls()).toBe(0);
  });
});
