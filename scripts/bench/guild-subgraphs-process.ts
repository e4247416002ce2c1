/**
 * Child process of `npm run bench:gateway -- --workload guild`: The Guild's four benchmark subgraphs
 * (guild/subgraph-schemas.ts) on one plain node:http server, at /accounts, /inventory, /products and
 * /reviews as in their Rust server (subgraphs/main.rs), plus GET /stats for the bench.
 *
 * They must not be what limits a gateway: TestQuery costs a gateway about 16 subgraph fetches, and this
 * process shares core 0 with the load generator. Executing a fetch of TestQuery's plan with graphql-js
 * costs 0.5 to 2 ms of CPU (inventory's _entities for shippingEstimate, reviews' for the users' reviews:
 * 65 kB), serving the same answer from memory 50 to 100 µs, HTTP included (measured once on the bench's
 * 2-core machine). So each distinct request body is executed once, really, and its serialized answer
 * served again when the same body comes back; answers with errors are never kept. GET /stats counts the
 * requests and the executions (with their mean time), and the bench prints, for every measured run, this
 * process's CPU time per fetch and share of its core next to the load generator's, so that a saturated
 * core 0 would show.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { graphql, type GraphQLSchema } from 'graphql';
import { listenOn } from '../../lib/testing/listen';
import { runAsChild } from './gateway-child';
import { guildSubgraphSchema, type GuildSubgraphName } from './guild/subgraph-schemas';

const NAMES: GuildSubgraphName[] = ['accounts', 'inventory', 'products', 'reviews'];
/** Distinct bodies kept; beyond it every new body is executed and not kept (a gateway varying its bodies). */
const MAX_KEPT_ANSWERS = 10_000;

export interface GuildSubgraphsInfo {
  /** Subgraph name → URL. */
  subgraphUrls: Record<string, string>;
  statsUrl: string;
}

/** What GET /stats answers: counts since the process started. */
export interface GuildSubgraphStats {
  requests: number;
  /** Requests answered by executing the schema (a body seen for the first time, or an answer with errors). */
  executed: number;
  executeMs: number;
}

interface GraphqlRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

runAsChild<Record<string, never>, GuildSubgraphsInfo>(async () => {
  const schemas = new Map<string, GraphQLSchema>(
    NAMES.map((name) => [`/${name}`, guildSubgraphSchema(name)]),
  );
  const answers = new Map<string, string>();
  const stats: GuildSubgraphStats = { requests: 0, executed: 0, executeMs: 0 };

  async function answer(schema: GraphQLSchema, key: string, body: string): Promise<string> {
    const kept = answers.get(key);
    if (kept !== undefined) return kept;
    const started = performance.now();
    const { query, variables, operationName } = JSON.parse(body) as GraphqlRequest;
    const result = await graphql({ schema, source: query, variableValues: variables, operationName });
    const json = JSON.stringify(result);
    stats.executed += 1;
    stats.executeMs += performance.now() - started;
    if (!result.errors && answers.size < MAX_KEPT_ANSWERS) answers.set(key, json);
    return json;
  }

  function respond(res: ServerResponse, status: number, json: string) {
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
    res.end(json);
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '';
    if (req.method === 'GET' && path === '/stats') return respond(res, 200, JSON.stringify(stats));
    const schema = schemas.get(path);
    if (req.method !== 'POST' || !schema) return respond(res, 404, '{"errors":[{"message":"not found"}]}');
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      stats.requests += 1;
      const body = Buffer.concat(chunks).toString();
      answer(schema, `${path}\n${body}`, body).then(
        (json) => respond(res, 200, json),
        (error: unknown) => respond(res, 400, JSON.stringify({ errors: [{ message: String(error) }] })),
      );
    });
  });
  const base = await listenOn(server);
  return {
    info: {
      subgraphUrls: Object.fromEntries(NAMES.map((name) => [name, `${base}/${name}`])),
      statsUrl: `${base}/stats`,
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
});
