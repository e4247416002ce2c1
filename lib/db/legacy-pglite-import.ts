/**
 * Data folders from before the contexts shared one embedded PostgreSQL kept one PGlite per context, in
 * DATA_DIR/<ctx>. The first start on such a folder brings that database up to date, copies every table
 * and sequence into the context's schema of the shared instance in one transaction, and renames the old
 * folder to DATA_DIR/<ctx>.imported (kept, not deleted: remove it once satisfied). A start interrupted
 * half-way leaves the old folder in place and copies again from scratch at the next start.
 */
import { renameSync } from 'node:fs';
import type { Logger } from '../logging/logger';
import { openDatabase, type OpenDatabase } from './database';
import { applyMigrations } from './migrations';
import { isPGliteDataDir } from './pglite-instances';

export const importedSuffix = '.imported';

/** Copies the context's old database into `db` when there is one; returns the number of rows copied. */
export async function importLegacyPGlite(
  context: string,
  legacyDataDir: string,
  db: OpenDatabase,
  logger?: Logger,
): Promise<number | null> {
  if (!db.embedded || !isPGliteDataDir(legacyDataDir)) return null;
  const legacy = await openDatabase({ kind: 'pglite', dataDir: legacyDataDir, schema: 'public' });
  let copied: number;
  try {
    await applyMigrations(context, legacy);
    copied = await db.embedded.copyTablesFrom(legacy.embedded!, 'public');
  } finally {
    await legacy.close();
  }
  renameSync(legacyDataDir, `${legacyDataDir}${importedSuffix}`);
  logger?.info(
    { context, from: legacyDataDir, rows: copied, keptAs: `${legacyDataDir}${importedSuffix}` },
    'imported the context database of an older data folder into the shared embedded PostgreSQL',
  );
  return copied;
}
