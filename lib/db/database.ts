/** Opens a context's database and gives out the Prisma driver adapter for it (PostgreSQL or PGlite). */
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { Client, Pool } from 'pg';
import type { DatabaseTarget } from './database-target';
import { openEmbeddedDatabase, type EmbeddedDatabase } from './pglite-thread/embedded-database';

export interface OpenDatabase {
  target: DatabaseTarget;
  adapter: SqlMigrationAwareDriverAdapterFactory;
  /**
   * Runs `work` with an adapter for the schema engine. On PostgreSQL it is a connection of its own,
   * closed afterwards: the engine's session-level advisory lock would otherwise stay held by a pooled
   * connection and stall every later migration of the database (other contexts' too) for 10 s or more.
   */
  withMigrationAdapter<T>(work: (adapter: SqlMigrationAwareDriverAdapterFactory) => Promise<T>): Promise<T>;
  /**
   * The embedded instance when the target is PGlite (shared by the contexts of one data directory, run in
   * the process's PGlite thread).
   */
  embedded?: EmbeddedDatabase;
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  if (target.kind === 'pglite') {
    const embedded = await openEmbeddedDatabase(target);
    return {
      target,
      adapter: embedded.adapter,
      withMigrationAdapter: (work) => work(embedded.adapter),
      embedded,
      close: () => embedded.close(),
    };
  }
  await ensureSchema(target.url, target.schema);
  // search_path makes the unqualified names of the migrations land in the context's schema.
  const newPool = (max: number) =>
    new Pool({ connectionString: target.url, options: `-c search_path=${target.schema}`, max });
  const pool = newPool(10);
  return {
    target,
    adapter: new PrismaPg(pool, { schema: target.schema }),
    async withMigrationAdapter(work) {
      const own = newPool(1);
      try {
        return await work(new PrismaPg(own, { schema: target.schema }));
      } finally {
        await own.end();
      }
    },
    close: () => pool.end(),
  };
}

async function ensureSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } finally {
    await client.end();
  }
}

/** Drops a context's schema: used by tests that create throw-away schemas. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
