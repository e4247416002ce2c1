import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, parse, type GraphQLSchema } from 'graphql';
import { repoRoot } from '../../lib/paths';
import { eventually } from '../../lib/testing/eventually';
import { listenOn } from '../../lib/testing/listen';
import { freePort } from '../../lib/server/free-port';

// `npm run start:gateway` serving a supergraph that is not Pulse's: four small subgraphs in the style of
// Apollo's demo (accounts, reviews, products, inventory), with @provides and @requires, composed here.
const FED = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3"';

const users = [
  { id: 'u1', name: 'Ada Lovelace', username: '@ada' },
  { id: 'u2', name: 'Alan Turing', username: '@complete' },
];
const products = [
  { upc: '1', name: 'Table', price: 899, weight: 100 },
  { upc: '2', name: 'Couch', price: 1299, weight: 1000 },
];
const reviews = [
  { id: 'r1', authorId: 'u1', upc: '1', body: 'Love it!' },
  { id: 'r2', authorId: 'u1', upc: '2', body: 'Too expensive.' },
  { id: 'r3', authorId: 'u2', upc: '1', body: 'Could be better.' },
];
const reviewOf = (r: (typeof reviews)[number]) => ({
  ...r,
  // @provides: reviews answers the author's username itself, accounts is not asked for it.
  author: { __typename: 'User', id: r.authorId, username: users.find((u) => u.id === r.authorId)!.username },
  product: { __typename: 'Product', upc: r.upc },
});

const subgraphs: Record<string, { typeDefs: string; resolvers: object }> = {
  accounts: {
    typeDefs: `${FED}, import: ["@key", "@shareable"])
      type Query { users: [User!]! }
      type User @key(fields: "id") { id: ID! name: String! username: String! @shareable }`,
    resolvers: {
      Query: { users: () => users },
      User: { __resolveReference: ({ id }: { id: string }) => users.find((u) => u.id === id) },
    },
  },
  reviews: {
    typeDefs: `${FED}, import: ["@key", "@external", "@provides"])
      type Review @key(fields: "id") {
        id: ID!
        body: String!
        author: User! @provides(fields: "username")
        product: Product!
      }
      type User @key(fields: "id") { id: ID! username: String! @external reviews: [Review!]! }
      type Product @key(fields: "upc") { upc: String! reviews: [Review!]! }`,
    resolvers: {
      User: { reviews: ({ id }: { id: string }) => reviews.filter((r) => r.authorId === id).map(reviewOf) },
      Product: { reviews: ({ upc }: { upc: string }) => reviews.filter((r) => r.upc === upc).map(reviewOf) },
    },
  },
  products: {
    typeDefs: `${FED}, import: ["@key"])
      type Query { topProducts: [Product!]! }
      type Product @key(fields: "upc") { upc: String! name: String! price: Int! weight: Int! }`,
    resolvers: {
      Query: { topProducts: () => products },
      Product: { __resolveReference: ({ upc }: { upc: string }) => products.find((p) => p.upc === upc) },
    },
  },
  inventory: {
    typeDefs: `${FED}, import: ["@key", "@external", "@requires"])
      type Product @key(fields: "upc") {
        upc: String!
        price: Int! @external
        weight: Int! @external
        inStock: Boolean!
        shippingEstimate: Int! @requires(fields: "price weight")
      }`,
    resolvers: {
      Product: {
        __resolveReference: (ref: { upc: string; price?: number; weight?: number }) => ref,
        inStock: ({ upc }: { upc: string }) => upc !== '2',
        // @requires: the gateway fetches price and weight from products and sends them along.
        shippingEstimate: ({ price, weight }: { price: number; weight: number }) =>
          price > 1000 ? 0 : Math.round(weight * 0.5),
      },
    },
  },
};

/** A subgraph as a plain HTTP server: POST /graphql, executed against its federated schema. */
function serveSubgraph(schema: GraphQLSchema): Server {
  return createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const { query, variables, operationName } = JSON.parse(body || '{}') as {
        query: string;
        variables?: Record<string, unknown>;
        operationName?: string;
      };
      void graphql({ schema, source: query, variableValues: variables, operationName }).then((result) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(result));
      });
    });
  });
}

describe('the gateway serving a supergraph that is not Pulse’s', () => {
  jest.setTimeout(120_000);
  const servers: Server[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'foreign-supergraph-'));
  let gateway: ChildProcess;
  let output = '';
  let url: string;

  beforeAll(async () => {
    const services = [];
    for (const [name, { typeDefs, resolvers }] of Object.entries(subgraphs)) {
      const server = serveSubgraph(buildSubgraphSchema({ typeDefs: parse(typeDefs), resolvers } as never));
      servers.push(server);
      services.push({ name, typeDefs: parse(typeDefs), url: `${await listenOn(server)}/graphql` });
    }
    const composed = composeServices(services);
    if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
    const supergraphPath = join(dir, 'supergraph.graphql');
    writeFileSync(supergraphPath, composed.supergraphSdl);

    const port = await freePort();
    url = `http://127.0.0.1:${port}/graphql`;
    gateway = spawn(process.execPath, ['--import', 'tsx', 'scripts/start-gateway.ts'], {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'info',
        SUPERGRAPH_PATH: supergraphPath,
        SUBGRAPH_SECRET: 'a-secret-of-at-least-thirty-two-characters',
        GATEWAY_MAX_COST: '1000000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    gateway.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    gateway.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // Start-up loads the whole toolchain on a busy machine: allow it a minute.
    await eventually(async () => {
      if (gateway.exitCode !== null) throw new Error(`the gateway exited: ${output}`);
      expect((await fetch(url.replace('/graphql', '/ready'))).status).toBe(200);
    }, 60_000);
  });

  afterAll(async () => {
    if (gateway && gateway.exitCode === null) gateway.kill('SIGKILL');
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    rmSync(dir, { recursive: true, force: true });
  });

  const ask = async (query: string, headers: Record<string, string> = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('answers a nested query across the four subgraphs, with @provides and @requires', async () => {
    const { status, body } = await ask(`query TestQuery {
      users {
        name
        reviews {
          body
          product {
            name
            inStock
            shippingEstimate
            reviews { author { username } }
          }
        }
      }
      topProducts { upc shippingEstimate }
    }`);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    const table = { name: 'Table', inStock: true, shippingEstimate: 50 };
    const tableReviews = [{ author: { username: '@ada' } }, { author: { username: '@complete' } }];
    expect(body.data).toEqual({
      users: [
        {
          name: 'Ada Lovelace',
          reviews: [
            { body: 'Love it!', product: { ...table, reviews: tableReviews } },
            {
              body: 'Too expensive.',
              product: {
                name: 'Couch',
                inStock: false,
                shippingEstimate: 0,
                reviews: [{ author: { username: '@ada' } }],
              },
            },
          ],
        },
        {
          name: 'Alan Turing',
          reviews: [{ body: 'Could be better.', product: { ...table, reviews: tableReviews } }],
        },
      ],
      topProducts: [
        { upc: '1', shippingEstimate: 50 },
        { upc: '2', shippingEstimate: 0 },
      ],
    });
  });

  it('refuses a token it has no keys to verify with UNAUTHENTICATED', async () => {
    const { status, body } = await ask('{ users { name } }', { authorization: 'Bearer a.b.c' });
    expect(status).toBe(401);
    expect(body).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
  });

  it('serves no partner API, and says why', async () => {
    const response = await fetch(url.replace('/graphql', '/partner/graphql'), { method: 'POST' });
    expect(response.status).toBe(404);
    expect(output).toMatch(/partner API off/);
  });
});
