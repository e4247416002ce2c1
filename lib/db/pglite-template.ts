/**
 * A fresh embedded PostgreSQL with every context's schema migrated, dumped once to a file keyed by the
 * migrations and PGlite's version: what a new DATA_DIR and every test's in-memory database start from.
 * Loading it takes a second or two; creating a cluster (initdb) and migrating each context takes ten or
 * more, and leaves initdb's memory behind. `npm install` builds it; tests build it when a migration changed
 * since; a start that finds none creates and migrates the cluster itself, as before.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contextsWithSchema } from '../paths';
import { openDatabase } from './database';
import { applyMigrations } from './migrations';
import {
  PGLITE_TEMPLATE_CACHE_DIR as CACHE_DIR,
  PGLITE_TEMPLATE_PREFIX as PREFIX,
  pgliteTemplatePath,
} from './pglite-template-path';

export { pgliteTemplatePath } from './pglite-template-path';

let building: Promise<string> | undefined;

/** The template's path, built first when missing. */
export function ensurePGliteTemplate(): Promise<string> {
  building ??= build().catch((error: unknown) => {
    building = undefined;
    throw error;
  });
  return building;
}

async function build(): Promise<string> {
  const path = pgliteTemplatePath();
  if (existsSync(path)) return path;
  const dataDir = `memory://pglite-template-${process.pid}`;
  const databases = [];
  try {
    for (const context of contextsWithSchema()) {
      const db = await openDatabase({ kind: 'pglite', dataDir, schema: context });
      databases.push(db);
      await applyMigrations(context, db);
    }
    const dump = await databases[0]!.embedded!.dump();
    mkdirSync(CACHE_DIR, { recursive: true });
    // Written aside and renamed: a test running in parallel reads either no file or a whole one.
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, dump);
    renameSync(partial, path);
    for (const stale of readdirSync(CACHE_DIR)) {
      if (stale.startsWith(PREFIX) && stale.endsWith('.tar') && join(CACHE_DIR, stale) !== path) {
        rmSync(join(CACHE_DIR, stale), { force: true });
      }
    }
    return path;
  } finally {
    for (const db of databases.reverse()) await db.close();
  }
}
