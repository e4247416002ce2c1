import { availableDatabaseKinds, createTestDatabase } from '../testing/test-databases';
import { openDatabase } from './database';
import { applyMigrations } from './migrations';

describe.each(availableDatabaseKinds())('applyMigrations on %s', (kind) => {
  it('applies the migrations once and again finds nothing to apply', async () => {
    const test = createTestDatabase(kind, 'migrations');
    const db = await openDatabase(test.target);
    try {
      expect(await applyMigrations('training', db.adapter)).toHaveLength(1);
      expect(await applyMigrations('training', db.adapter)).toEqual([]);
    } finally {
      await db.close();
      await test.cleanup();
    }
  });
});
