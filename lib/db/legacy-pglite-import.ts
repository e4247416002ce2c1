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
import { quoteIdentifier } from './schema-scoped-adapter';

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
  let copied = 0;
  try {
    await applyMigrations(context, legacy);
    const source = legacy.embedded!;
    const tables = await source.inTurn(async (pglite) => {
      const { rows } = await pglite.query<{ name: string }>(
        `SELECT tablename AS name FROM pg_tables
          WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
      );
      return rows.map((row) => row.name);
    });
    const sequences = await source.inTurn(async (pglite) => {
      const { rows } = await pglite.query<{ name: string }>(
        `SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public'`,
      );
      const values = [];
      for (const { name } of rows) {
        const state = await pglite.query<{ last_value: string; is_called: boolean }>(
          `SELECT last_value::text, is_called FROM public.${quoteIdentifier(name)}`,
        );
        values.push({ name, ...state.rows[0]! });
      }
      return values;
    });
    const schema = quoteIdentifier(db.target.kind === 'pglite' ? db.target.schema : context);
    const blobs = new Map<string, Blob>();
    await source.inTurn(async (pglite) => {
      for (const table of tables) {
        const result = await pglite.query(`COPY public.${quoteIdentifier(table)} TO '/dev/blob'`);
        if (result.blob) blobs.set(table, result.blob);
      }
    });
    await db.embedded.inTurn((pglite) =>
      pglite.transaction(async (tx) => {
        // Foreign keys and triggers wait: tables arrive in name order, not in the order of their references.
        await tx.exec('SET LOCAL session_replication_role = replica');
        if (tables.length > 0) {
          await tx.exec(`TRUNCATE ${tables.map((t) => `${schema}.${quoteIdentifier(t)}`).join(', ')}`);
        }
        for (const table of tables) {
          const blob = blobs.get(table);
          if (!blob) continue;
          const result = await tx.query(`COPY ${schema}.${quoteIdentifier(table)} FROM '/dev/blob'`, [], {
            blob,
          });
          copied += result.affectedRows ?? 0;
        }
        for (const sequence of sequences) {
          await tx.query(`SELECT setval($1, $2::bigint, $3)`, [
            `${schema}.${quoteIdentifier(sequence.name)}`,
            sequence.last_value,
            sequence.is_called,
          ]);
        }
      }),
    );
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
