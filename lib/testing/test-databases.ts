/**
 * Throw-away databases for integration and end-to-end tests: in-memory PGlite always (started from the
 * migrated template of pglite-template.ts), and a fresh PostgreSQL schema (dropped afterwards) when
 * DATABASE_URL is set.
 */
import { randomBytes } from 'node:crypto';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { openContextDatabase, type ContextDatabase, type PrismaLike } from '../db/context-database';
import { dropSchema } from '../db/database';
import { postgresTarget, type DatabaseTarget } from '../db/database-target';
import { ensurePGliteTemplate, pgliteTemplatePath } from '../db/pglite-template';

export interface TestDatabase {
  target: DatabaseTarget;
  /** Removes what the test created (a PostgreSQL schema; PGlite in memory vanishes on close). */
  cleanup(): Promise<void>;
}

export type TestDatabaseKind = 'pglite' | 'postgres';

const postgresUrl = () => process.env.DATABASE_URL;

/** The kinds available here: what integration tests iterate over with describe.each. */
export function availableDatabaseKinds(): TestDatabaseKind[] {
  return postgresUrl() ? ['pglite', 'postgres'] : ['pglite'];
}

/** The kind end-to-end tests use: the real PostgreSQL when there is one. */
export function preferredDatabaseKind(): TestDatabaseKind {
  return postgresUrl() ? 'postgres' : 'pglite';
}

/**
 * `sharedWith`: on PGlite, the contexts created with the same name share one in-memory instance, as
 * `npm start`'s contexts share one under DATA_DIR (each in its schema); without it the instance is private.
 * Await ensurePGliteTemplate() first for the fast start; without the template PGlite starts empty.
 */
export function createTestDatabase(
  kind: TestDatabaseKind,
  context: string,
  sharedWith?: string,
): TestDatabase {
  const url = postgresUrl();
  if (kind === 'pglite' || !url) {
    return {
      target: {
        kind: 'pglite',
        dataDir: sharedWith === undefined ? undefined : `memory://${sharedWith}`,
        schema: context,
        seed: pgliteTemplatePath(),
      },
      cleanup: async () => undefined,
    };
  }
  const schema = `test_${context}_${randomBytes(5).toString('hex')}`;
  const target = postgresTarget(url, schema);
  return { target: { ...target, schema }, cleanup: () => dropSchema(url, schema) };
}

/**
 * Throw-away databases for the contexts of one platform: `databaseOf` (startPlatform's option) creates each
 * with createTestDatabase, `cleanup` removes them all once the platform stopped.
 */
export function platformTestDatabases(kind: TestDatabaseKind, sharedWith?: string) {
  const databases: TestDatabase[] = [];
  return {
    databaseOf: (context: string): DatabaseTarget => {
      const db = createTestDatabase(kind, context, sharedWith);
      databases.push(db);
      return db.target;
    },
    cleanup: async (): Promise<void> => {
      await Promise.all(databases.map((db) => db.cleanup()));
    },
  };
}

/** A context's database on a throw-away target, migrated; `close()` also drops what the test created. */
export async function openTestContextDatabase<C extends PrismaLike>(
  kind: TestDatabaseKind,
  context: string,
  createClient: (adapter: SqlMigrationAwareDriverAdapterFactory) => C,
): Promise<ContextDatabase<C>> {
  await ensurePGliteTemplate();
  const test = createTestDatabase(kind, context);
  const db = await openContextDatabase({ context, target: test.target, createClient });
  return {
    ...db,
    async close() {
      await db.close();
      await test.cleanup();
    },
  };
}
