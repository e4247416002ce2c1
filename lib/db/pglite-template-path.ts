/**
 * Where the migrated embedded-database template of lib/db/pglite-template.ts is kept: a file named by the
 * hash of PGlite's version and every context's migrations (apart, so that a target can name its seed
 * without importing the code that builds it).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { contextsWithSchema, prismaDir, repoRoot } from '../paths';

export const PGLITE_TEMPLATE_CACHE_DIR = join(repoRoot, 'node_modules', '.cache', 'pulse');
export const PGLITE_TEMPLATE_PREFIX = 'pglite-template-';

function migrationFiles(context: string): string[] {
  const dir = join(prismaDir(context), 'migrations');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(dir, entry.name, 'migration.sql'))
    .filter((file) => existsSync(file))
    .sort();
}

/** Where the template of the current migrations is (or will be) kept. */
export function pgliteTemplatePath(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(repoRoot, 'node_modules/@electric-sql/pglite/package.json')));
  for (const context of contextsWithSchema()) {
    hash.update(`\0${context}\0`);
    // The folder names too: Prisma records migrations by name, so a renamed one is another template.
    for (const file of migrationFiles(context))
      hash.update(`${relative(repoRoot, file)}\0`).update(readFileSync(file));
  }
  return join(PGLITE_TEMPLATE_CACHE_DIR, `${PGLITE_TEMPLATE_PREFIX}${hash.digest('hex').slice(0, 16)}.tar`);
}
