/**
 * bench:live's bare stack, its subgraph: Apollo Server 5 on Express with @apollo/subgraph and nothing
 * else (no token check, limits, input rules, tracing, events), whose `recordTelemetry` takes Pulse's
 * batch shape and stores it with one INSERT through a pg pool, each sample once (a batch sent twice
 * stores nothing the second time). Run as a child of bare-gateway.ts: PORT, DATABASE_URL.
 */
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { parse } from 'graphql';
import { Pool } from 'pg';
import { keepApolloTelemetryOff } from '../../../../lib/config/apollo-telemetry';
import { SERVER_KEEP_ALIVE_MS } from '../../../../lib/server/listen';
// The batch's shape only: the channels a client sends, as Pulse's schema has them.
import { CHANNELS } from '../../../../subgraphs/training/src/telemetry/telemetry-batch';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  input TelemetryBatchInput {
    batchId: String!
    sequence: [Int!]!
    time: [Float!]!
    ${CHANNELS.map((channel) => `${channel}: [Float]`).join('\n    ')}
  }
  type TelemetryReceipt { workoutId: ID! batchId: String! accepted: Int! duplicates: Int! sampleCount: Int! }
  type Query { sampleCount(workoutId: ID!): Int! }
  type Mutation { recordTelemetry(workoutId: ID!, batch: TelemetryBatchInput!): TelemetryReceipt! }
`);

type Batch = { batchId: string; sequence: number[]; time: number[] } & Record<
  string,
  (number | null)[] | undefined
>;

const columns = ['sequence', 'time', ...CHANNELS];
const STORE = `
  WITH inserted AS (
    INSERT INTO bare_sample ("workoutId", ${columns.map((c) => `"${c}"`).join(', ')})
    SELECT $1::uuid, * FROM unnest($2::int[], $3::float8[], ${CHANNELS.map((_, i) => `$${i + 4}::float8[]`).join(', ')})
    ON CONFLICT DO NOTHING RETURNING 1
  )
  SELECT (SELECT count(*) FROM inserted)::int AS accepted,
    ((SELECT count(*) FROM bare_sample WHERE "workoutId" = $1::uuid) + (SELECT count(*) FROM inserted))::int AS "sampleCount"`;

async function main() {
  keepApolloTelemetryOff();
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  await pool.query(`CREATE TABLE IF NOT EXISTS bare_sample ("workoutId" uuid, sequence int, time float8,
    ${CHANNELS.map((c) => `"${c}" float8`).join(', ')}, PRIMARY KEY ("workoutId", sequence))`);
  const resolvers = {
    Query: {
      sampleCount: async (_: unknown, { workoutId }: { workoutId: string }) =>
        (await pool.query(`SELECT count(*)::int AS n FROM bare_sample WHERE "workoutId" = $1`, [workoutId]))
          .rows[0].n as number,
    },
    Mutation: {
      recordTelemetry: async (_: unknown, { workoutId, batch }: { workoutId: string; batch: Batch }) => {
        const values = [workoutId, batch.sequence, batch.time, ...CHANNELS.map((c) => batch[c] ?? [])];
        const { accepted, sampleCount } = (await pool.query(STORE, values)).rows[0];
        return {
          workoutId,
          batchId: batch.batchId,
          accepted,
          duplicates: batch.sequence.length - accepted,
          sampleCount,
        };
      },
    },
  };
  const server = new ApolloServer({
    schema: buildSubgraphSchema([{ typeDefs, resolvers: resolvers as never }]),
  });
  await server.start();
  const app = express();
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(server));
  const http = app.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('listening'));
  http.keepAliveTimeout = SERVER_KEEP_ALIVE_MS;
}

void main();
