// npm run db:migrate: applies every context's pending migrations to its configured database.
import { getConfig } from '../lib/config/config';
import { openDatabase } from '../lib/db/database';
import { describeTarget, resolveDatabaseTarget } from '../lib/db/database-target';
import { applyMigrations } from '../lib/db/migrations';
import { contextsWithSchema } from '../lib/paths';

async function main() {
  const config = getConfig();
  for (const context of contextsWithSchema()) {
    const target = resolveDatabaseTarget(context, config);
    const db = await openDatabase(target);
    try {
      const applied = await applyMigrations(context, db);
      console.log(
        `${context}: ${describeTarget(target)}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`,
      );
    } finally {
      await db.close();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
