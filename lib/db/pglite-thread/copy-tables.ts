/**
 * Copies every table and sequence of one embedded database's schema into another's, in one transaction
 * of the target: the import of a data folder from before the contexts shared one embedded PostgreSQL
 * (../legacy-pglite-import.ts). Runs in the PGlite thread, on the instances themselves.
 */
import type { PGliteSchema } from '../pglite-instances';
import { quoteIdentifier } from '../schema-scoped-adapter';

/** Copies `sourceSchema`'s rows into `target`'s schema (same tables, migrated alike); returns the row count. */
export async function copyTables(
  source: PGliteSchema,
  sourceSchema: string,
  target: PGliteSchema,
  targetSchema: string,
): Promise<number> {
  const from = quoteIdentifier(sourceSchema);
  const to = quoteIdentifier(targetSchema);
  const tables = await source.inTurn(async (pglite) => {
    const { rows } = await pglite.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables
        WHERE schemaname = $1 AND tablename <> '_prisma_migrations' ORDER BY tablename`,
      [sourceSchema],
    );
    return rows.map((row) => row.name);
  });
  const sequences = await source.inTurn(async (pglite) => {
    const { rows } = await pglite.query<{ name: string }>(
      `SELECT sequencename AS name FROM pg_sequences WHERE schemaname = $1`,
      [sourceSchema],
    );
    const values = [];
    for (const { name } of rows) {
      const state = await pglite.query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value::text, is_called FROM ${from}.${quoteIdentifier(name)}`,
      );
      values.push({ name, ...state.rows[0]! });
    }
    return values;
  });
  const blobs = new Map<string, Blob>();
  await source.inTurn(async (pglite) => {
    for (const table of tables) {
      const result = await pglite.query(`COPY ${from}.${quoteIdentifier(table)} TO '/dev/blob'`);
      if (result.blob) blobs.set(table, result.blob);
    }
  });
  let copied = 0;
  await target.inTurn((pglite) =>
    pglite.transaction(async (tx) => {
      // Foreign keys and triggers wait: tables arrive in name order, not in the order of their references.
      await tx.exec('SET LOCAL session_replication_role = replica');
      if (tables.length > 0) {
        await tx.exec(`TRUNCATE ${tables.map((t) => `${to}.${quoteIdentifier(t)}`).join(', ')}`);
      }
      for (const table of tables) {
        const blob = blobs.get(table);
        if (!blob) continue;
        const result = await tx.query(`COPY ${to}.${quoteIdentifier(table)} FROM '/dev/blob'`, [], { blob });
        copied += result.affectedRows ?? 0;
      }
      for (const sequence of sequences) {
        await tx.query(`SELECT setval($1, $2::bigint, $3)`, [
          `${to}.${quoteIdentifier(sequence.name)}`,
          sequence.last_value,
          sequence.is_called,
        ]);
      }
    }),
  );
  return copied;
}
