import { parse } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { RunningServer } from '../../server/subgraph-server';
import { startTestSubgraph } from '../../testing/test-subgraph';
import { newTestVerifier } from '../../testing/test-verifier';
import { DateTime } from '../scalars';

// A subgraph called directly, without the gateway in front: it applies the same rules.
const typeDefs = parse(`
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.11", import: ["@key", "@composeDirective"])
    @link(url: "https://pulse.dev/input/v1.0", import: ["@length"])
    @composeDirective(name: "@length")
  directive @length(max: Int!) on ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION
  scalar DateTime
  input Note { text: String @length(max: 5) }
  type Query { hello: String! }
  type Mutation { log(at: DateTime, note: Note): String! }
  type Subscription { echo(text: String @length(max: 5)): String! }
`);

const resolvers = {
  DateTime,
  Query: { hello: () => 'hello' },
  Mutation: {
    log: (_: unknown, args: { at?: Date; note?: { text?: string } }) =>
      `${args.at?.toISOString()} ${args.note?.text}`,
  },
  Subscription: {
    echo: {
      subscribe: async function* (_: unknown, args: { text: string }) {
        yield args.text;
      },
      resolve: (text: string) => text,
    },
  },
};

describe('the input rules on a subgraph called directly', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestSubgraph({ typeDefs, resolvers, verifier: (await newTestVerifier()).verifier });
  });
  afterAll(() => server.stop());

  const post = async (query: string, variables?: Record<string, unknown>) => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      body: (await response.json()) as { errors?: { extensions: object }[] },
    };
  };

  it.each([
    ['a DateTime variable', 'mutation($at: DateTime) { log(at: $at) }', { at: 'yesterday' }, 'at'],
    ['a DateTime literal', 'mutation { log(at: "2026-02-30T00:00:00Z") }', undefined, 'at'],
    ['a NUL in a variable', 'mutation($n: Note) { log(note: $n) }', { n: { text: 'a\u0000' } }, 'note.text'],
    ['a literal over its length', 'mutation { log(note: { text: "toolong" }) }', undefined, 'note.text'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_what, query, variables, field) => {
    const { status, body } = await post(query, variables);
    expect(status).toBe(400);
    expect(body.errors?.map((e) => e.extensions)).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
    ]);
  });

  it('accepts what the rules allow', async () => {
    const { body } = await post('mutation { log(at: "2026-11-20T07:00:00+01:00", note: { text: "ok😀" }) }');
    expect(body).toEqual({ data: { log: '2026-11-20T06:00:00.000Z ok😀' } });
  });

  it('applies them to subscriptions over graphql-ws', async () => {
    const client = createClient({
      url: server.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    try {
      const errors = await new Promise<unknown>((resolve) => {
        client.subscribe(
          { query: 'subscription($t: String) { echo(text: $t) }', variables: { t: '\ud800' } },
          { next: () => resolve('next'), error: resolve, complete: () => resolve('complete') },
        );
      });
      expect(errors).toEqual([
        expect.objectContaining({
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'text' }),
        }),
      ]);
    } finally {
      await client.dispose();
    }
  });
});
