/**
 * The embedded PostgreSQL instances of this process, held by its PGlite thread (pglite-thread/worker.ts;
 * the rest of the process reaches them through pglite-thread/embedded-database.ts). Contexts whose targets
 * name the same data directory (a folder, or `memory://<name>`) share one PGlite, each in its schema: one
 * WebAssembly PostgreSQL of about 300 MB instead of one per context. The last context to close it closes
 * the instance and its folder lock.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { lockDataDir } from './data-dir-lock';
import { quoteIdentifier, SessionTurns, schemaScopedAdapter } from './schema-scoped-adapter';

export interface PGliteTarget {
  /** A folder, `memory://<name>` (shared in this process under that name), or undefined (private, in memory). */
  dataDir: string | undefined;
  schema: string;
  /** A dump (PGlite's dumpDataDir) that a new instance (in memory, or a folder not yet created) starts from. */
  seed?: string;
}

export interface PGliteSchema {
  /** Prisma's driver adapter, bound to the schema. */
  adapter: SqlMigrationAwareDriverAdapterFactory;
  /** Runs `work` on the instance itself, in the schema's turn (housekeeping: copies, checks). */
  inTurn<T>(work: (pglite: PGlite) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

interface Instance {
  pglite: PGlite;
  turns: SessionTurns;
  adapter: SqlMigrationAwareDriverAdapterFactory;
  users: number;
  release: () => void;
}

const shared = new Map<string, Promise<Instance>>();

/**
 * The contrib extensions every instance loads. Loading only makes `CREATE EXTENSION` possible (the migrations
 * install them, in schema `extensions`); a cluster whose catalog has them installed needs them loaded too,
 * or their functions fail. Every place that creates a PGlite passes these.
 */
export const PGLITE_EXTENSIONS = { cube, earthdistance };

const isMemory = (dataDir: string) => dataDir.startsWith('memory://');

/** True when `dir` holds a PGlite (PostgreSQL) cluster already. */
export const isPGliteDataDir = (dir: string) => existsSync(join(dir, 'PG_VERSION'));

async function createInstance(target: PGliteTarget): Promise<Instance> {
  const { dataDir } = target;
  let release = () => undefined as void;
  if (dataDir && !isMemory(dataDir)) {
    mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
  }
  try {
    const fresh = !dataDir || isMemory(dataDir) || !isPGliteDataDir(dataDir);
    const seeded = fresh && target.seed !== undefined && existsSync(target.seed);
    const pglite = await PGlite.create({
      extensions: PGLITE_EXTENSIONS,
      ...(dataDir && !isMemory(dataDir) && { dataDir }),
      ...(seeded && { loadDataDir: new Blob([readFileSync(target.seed!)]) }),
    });
    const turns = new SessionTurns(async (schema) => {
      await pglite.exec(`SET search_path TO ${quoteIdentifier(schema)}`);
    });
    return { pglite, turns, adapter: new PrismaPGlite(pglite), users: 0, release };
  } catch (error) {
    release();
    throw error;
  }
}

/** Opens (or joins) the instance of `target.dataDir` and makes sure the target's schema exists. */
export async function openPGliteSchema(target: PGliteTarget): Promise<PGliteSchema> {
  const key = target.dataDir;
  let opening: Promise<Instance>;
  if (key === undefined) {
    opening = createInstance(target);
  } else {
    opening = shared.get(key) ?? createInstance(target);
    shared.set(key, opening);
    opening.catch(() => shared.delete(key));
  }
  const instance = await opening;
  instance.users += 1;
  const { pglite, turns } = instance;
  const { schema } = target;
  const inTurn = <T>(work: (db: PGlite) => Promise<T>) => turns.run(schema, () => work(pglite));
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    instance.users -= 1;
    if (instance.users > 0) return;
    if (key !== undefined) shared.delete(key);
    try {
      await pglite.close();
    } finally {
      instance.release();
    }
  };
  try {
    // The turn points search_path at the schema; the schema must exist before anything runs in it.
    await turns.run('public', () => pglite.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`));
  } catch (error) {
    await close();
    throw error;
  }
  return { adapter: schemaScopedAdapter(instance.adapter, turns, schema), inTurn, close };
}
