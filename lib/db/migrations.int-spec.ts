import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { prismaDir } from '../paths';
import { availableDatabaseKinds, createTestDatabase } from '../testing/test-databases';
import { openDatabase } from './database';
import { applyMigrations } from './migrations';

describe.each(availableDatabaseKinds())('applyMigrations on %s', (kind) => {
  it('applies the migrations once and again finds nothing to apply', async () => {
    const test = createTestDatabase(kind, 'migrations');
    const db = await openDatabase(test.target);
    try {
      const folders = readdirSync(join(prismaDir('training'), 'migrations'), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort();
      expect(await applyMigrations('training', db)).toEqual(folders);
      expect(await applyMigrations('training', db)).toEqual([]);
    } finally {
      await db.close();
      await test.cleanup();
    }
  });
});
