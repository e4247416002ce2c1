/** Where a context's data lives: PostgreSQL (one schema per context) or an embedded PGlite directory. */
import { isAbsolute, join } from 'node:path';
import type { Config } from '../config/config';
import { repoRoot } from '../paths';
import type { PGliteTarget } from './pglite-instances';
import { pgliteTemplatePath } from './pglite-template-path';

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; schema: string }
  | ({ kind: 'pglite' } & PGliteTarget & {
        /** Where this context's own PGlite lived before contexts shared one (imported once, then set aside). */
        legacyDataDir?: string;
      });

/** The folder of DATA_DIR that holds the embedded PostgreSQL every context shares. */
export const EMBEDDED_DATABASE_DIR = 'pglite';

/**
 * DATABASE_URL_<CTX> wins over DATABASE_URL; both put the context in its own schema (the URL's
 * `schema` parameter, or the context's name). With neither, the context gets the schema of its name in
 * the one embedded PostgreSQL under DATA_DIR/pglite.
 */
export function resolveDatabaseTarget(context: string, config: Config): DatabaseTarget {
  const url = config.data.databaseUrls[context] ?? config.data.databaseUrl;
  if (url) return postgresTarget(url, context);
  const dataDir = dataDirOf(config);
  return {
    kind: 'pglite',
    dataDir: join(dataDir, EMBEDDED_DATABASE_DIR),
    schema: context,
    seed: pgliteTemplatePath(),
    legacyDataDir: join(dataDir, context),
  };
}

/** DATA_DIR as an absolute path (relative values are relative to the repository). */
export function dataDirOf(config: Config): string {
  return isAbsolute(config.data.dir) ? config.data.dir : join(repoRoot, config.data.dir);
}

export function postgresTarget(
  url: string,
  defaultSchema: string,
): Extract<DatabaseTarget, { kind: 'postgres' }> {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? defaultSchema;
  parsed.searchParams.delete('schema');
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new Error(`Database schema name "${schema}" must be lower-case letters, digits and underscores.`);
  }
  return { kind: 'postgres', url: parsed.toString(), schema };
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'pglite') return `PGlite ${target.dataDir ?? '(in memory)'} schema ${target.schema}`;
  const { host, pathname } = new URL(target.url);
  return `PostgreSQL ${host}${pathname} schema ${target.schema}`;
}
