/** The database factory: a context's Prisma client on its target, with its migrations applied. */
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { Logger } from '../logging/logger';
import { openDatabase } from './database';
import { describeTarget, type DatabaseTarget } from './database-target';
import { importLegacyPGlite } from './legacy-pglite-import';
import { applyMigrations } from './migrations';

export interface ContextDatabase<C> {
  client: C;
  target: DatabaseTarget;
  /** Cheap round trip for readiness probes. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface PrismaLike {
  $queryRawUnsafe(sql: string): Promise<unknown>;
  $disconnect(): Promise<void>;
}

export async function openContextDatabase<C extends PrismaLike>(options: {
  context: string;
  target: DatabaseTarget;
  createClient: (adapter: SqlMigrationAwareDriverAdapterFactory) => C;
  logger?: Logger;
}): Promise<ContextDatabase<C>> {
  const { context, target, logger } = options;
  const db = await openDatabase(target);
  try {
    const applied = await applyMigrations(context, db);
    if (target.kind === 'pglite' && target.legacyDataDir) {
      await importLegacyPGlite(context, target.legacyDataDir, db, logger);
    }
    logger?.info({ context, database: describeTarget(target), applied }, 'database ready');
  } catch (error) {
    await db.close();
    throw error;
  }
  const client = options.createClient(db.adapter);
  return {
    client,
    target,
    ping: async () => {
      await client.$queryRawUnsafe('SELECT 1');
    },
    close: async () => {
      await client.$disconnect();
      await db.close();
    },
  };
}
