// npm run db:diff -- <ctx> <name>: writes prisma/<ctx>/migrations/<timestamp>_<name>/ from the schema change.
import { openDatabase } from '../lib/db/database';
import { writeMigration } from '../lib/db/migrations';
import { contextsWithSchema } from '../lib/paths';

async function main() {
  const [context, name] = process.argv.slice(2);
  const contexts = contextsWithSchema();
  if (!context || !name || !contexts.includes(context) || !/^[a-z0-9_]+$/.test(name)) {
    console.error(`usage: npm run db:diff -- <${contexts.join('|')}> <migration_name in snake_case>`);
    process.exit(2);
  }
  // The diff is computed from schema texts alone; the engine still wants an adapter, so give it a
  // throw-away in-memory database.
  const scratch = await openDatabase({ kind: 'pglite', dataDir: undefined, schema: 'public' });
  try {
    const folder = await writeMigration(context, name, scratch.adapter);
    console.log(
      folder ? `wrote prisma/${context}/migrations/${folder}/migration.sql` : `${context}: no schema changes`,
    );
  } finally {
    await scratch.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
