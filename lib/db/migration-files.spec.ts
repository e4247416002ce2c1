import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contextsWithSchema, prismaDir } from '../paths';

// Prisma's schema engine cuts a migration into statements at every semicolon on PostgreSQL, comments
// included (PGlite runs the script whole): a semicolon in a comment passes every embedded test and breaks
// the migration on a real server.
describe('migration scripts', () => {
  const scripts = contextsWithSchema().flatMap((context) => {
    const dir = join(prismaDir(context), 'migrations');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .map((name) => join(dir, name, 'migration.sql'))
      .filter((file) => existsSync(file));
  });

  it('exist', () => expect(scripts.length).toBeGreaterThan(0));

  it.each(scripts)('%s has no semicolon inside a comment', (file) => {
    const commentsWithSemicolons = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => /--.*;/.test(line));
    expect(commentsWithSemicolons).toEqual([]);
  });
});
