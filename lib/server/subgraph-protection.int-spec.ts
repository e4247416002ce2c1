import { parse } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestSubgraph } from '../testing/test-subgraph';
import { newTestVerifier } from '../testing/test-verifier';
import type { RunningServer } from './subgraph-server';
import { SUBGRAPH_SECRET_HEADER } from './subgraph-secret';

// A subgraph called directly on its port, as the issue reports: anonymously, with the gateway's defaults.
const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.11", import: ["@key"])

  type Query {
    workout(id: ID!): Workout
  }

  type Subscription {
    ticks: Int!
  }

  type Workout @key(fields: "id") {
    id: ID!
    title: String!
  }
`);

const resolvers = {
  Query: { workout: (_: unknown, args: { id: string }) => ({ id: args.id }) },
  Subscription: {
    ticks: {
      subscribe: async function* () {
        yield 1;
      },
      resolve: (n: number) => n,
    },
  },
  Workout: {
    __resolveReference: (reference: { id: string }) => reference,
    title: (workout: { id: string }) => `Workout ${workout.id}`,
  },
};

const SECRET = 'a-test-subgraph-secret-of-32-chars!';
const aliases = (count: number) =>
  `{ ${Array.from({ length: count }, (_, i) => `w${i}: workout(id: "${i}") { id }`).join(' ')} }`;
const SERVICE = '{ _service { sdl } }';
const ENTITIES = `{ _entities(representations: [{ __typename: "Workout", id: "w-1" }]) { ... on Workout { title } } }`;

describe('a subgraph called on its own port', () => {
  const servers: RunningServer[] = [];
  const clients: Client[] = [];
  let verifier: Awaited<ReturnType<typeof newTestVerifier>>['verifier'];

  const start = async (env: Record<string, string>) => {
    const server = await startTestSubgraph({
      typeDefs,
      resolvers,
      verifier,
      env: { LOG_LEVEL: 'silent', ...env },
    });
    servers.push(server);
    return server;
  };

  const post = async (server: RunningServer, query: string, headers: Record<string, string> = {}) => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as {
      data?: Record<string, unknown>;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    };
    return { status: response.status, body };
  };

  /** The outcome of one operation over graphql-ws: its results, or the errors it was refused with. */
  const overWebSocket = (server: RunningServer, query: string, params?: Record<string, unknown>) => {
    const client = createClient({
      url: server.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: params,
    });
    clients.push(client);
    const results: unknown[] = [];
    return new Promise<{ results: unknown[]; errors?: unknown }>((resolve) => {
      client.subscribe(
        { query },
        {
          next: (result) => void results.push(result),
          error: (errors) => resolve({ results, errors }),
          complete: () => resolve({ results }),
        },
      );
    });
  };

  let production: RunningServer;
  beforeAll(async () => {
    verifier = (await newTestVerifier()).verifier;
    production = await start({ NODE_ENV: 'production', SUBGRAPH_SECRET: SECRET });
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await Promise.all(servers.map((server) => server.stop()));
  });

  describe('applies the gateway’s query limits', () => {
    it('refuses 1 000 aliases sent anonymously with QUERY_TOO_COMPLEX (its ~9 000 tokens first)', async () => {
      const { status, body } = await post(production, aliases(1_000));
      expect(status).toBe(400);
      expect(body).toEqual({
        errors: [
          expect.objectContaining({
            extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max: 2_000, actual: 2_001 },
          }),
        ],
      });
    });

    it('refuses one alias more than the gateway accepts', async () => {
      const { status, body } = await post(production, aliases(16));
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([
        expect.objectContaining({
          extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'aliases', max: 15, actual: 16 },
        }),
      ]);
    });

    it('answers an operation within the limits', async () => {
      const { status, body } = await post(production, aliases(3));
      expect(status).toBe(200);
      expect(body.data).toEqual({ w0: { id: '0' }, w1: { id: '1' }, w2: { id: '2' } });
    });

    it('refuses the same over graphql-ws', async () => {
      const tooLong = await overWebSocket(production, aliases(1_000));
      expect(tooLong.errors).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ limit: 'tokens' }) }),
      ]);
      const { errors } = await overWebSocket(production, aliases(16));
      expect(errors).toEqual([
        expect.objectContaining({
          extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases' }),
        }),
      ]);
    });

    it('does not measure the gateway, which presents the secret (it measured the client already)', async () => {
      const { status, body } = await post(production, aliases(1_000), { [SUBGRAPH_SECRET_HEADER]: SECRET });
      expect(status).toBe(200);
      expect(Object.keys(body.data ?? {})).toHaveLength(1_000);
    });
  });

  describe('in production', () => {
    it('hides field suggestions', async () => {
      const { body } = await post(production, '{ workout(id: "1") { titel } }');
      expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(body.errors?.[0]?.message).toContain('titel');
      expect(body.errors?.[0]?.message).not.toMatch(/Did you mean/);
    });

    it('refuses introspection', async () => {
      const { body } = await post(production, '{ __schema { types { name } } }');
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('shows suggestions outside production', async () => {
      const development = await start({ NODE_ENV: 'development' });
      const { body } = await post(development, '{ workout(id: "1") { titel } }');
      expect(body.errors?.[0]?.message).toMatch(/Did you mean "title"\?/);
    });
  });

  describe('answers _service and _entities only to the gateway', () => {
    it.each([
      ['_service', SERVICE],
      ['_entities', ENTITIES],
      ['_service behind an alias and a fragment', '{ ...F } fragment F on Query { s: _service { sdl } }'],
    ])('refuses %s without the secret, with FORBIDDEN', async (_case, query) => {
      const { status, body } = await post(production, query);
      expect(status).toBe(403);
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: expect.stringContaining('answer only the Pulse gateway'),
          extensions: { code: 'FORBIDDEN' },
        }),
      ]);
    });

    it('refuses a wrong secret', async () => {
      const { status } = await post(production, SERVICE, { [SUBGRAPH_SECRET_HEADER]: `${SECRET}x` });
      expect(status).toBe(403);
    });

    it('answers _service and _entities with the secret', async () => {
      const headers = { [SUBGRAPH_SECRET_HEADER]: SECRET };
      const service = await post(production, SERVICE, headers);
      expect(service.body.data).toEqual({ _service: { sdl: expect.stringContaining('type Workout') } });
      const entities = await post(production, ENTITIES, headers);
      expect(entities.body).toEqual({ data: { _entities: [{ title: 'Workout w-1' }] } });
    });

    it('refuses them over graphql-ws without the secret, and answers with it', async () => {
      const refused = await overWebSocket(production, SERVICE);
      expect(refused.errors).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
      ]);
      const answered = await overWebSocket(production, ENTITIES, { [SUBGRAPH_SECRET_HEADER]: SECRET });
      expect(answered).toEqual({ results: [{ data: { _entities: [{ title: 'Workout w-1' }] } }] });
    });

    it('leaves them open when no secret is configured (outside production), still measuring every caller', async () => {
      const open = await start({ NODE_ENV: 'development' });
      expect((await post(open, SERVICE)).status).toBe(200);
      expect((await post(open, aliases(1_000))).body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    });
  });

  it('limits callers other than the gateway per address (SUBGRAPH_RATE_LIMIT_IP), never the gateway', async () => {
    const limited = await start({ SUBGRAPH_SECRET: SECRET, SUBGRAPH_RATE_LIMIT_IP: '2/60' });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await post(limited, '{ workout(id: "1") { id } }')).status);
    expect(statuses).toEqual([200, 200, 429]);
    const fromGateway = await post(limited, '{ workout(id: "1") { id } }', {
      [SUBGRAPH_SECRET_HEADER]: SECRET,
    });
    expect(fromGateway.status).toBe(200);
  });
});
