/** The inventory context on a throw-away database, wired by its descriptor (index.ts), for integration tests. */
import { testContextRuntime } from '../../../lib/testing/context-runtime';
import { openTestContextDatabase, type TestDatabaseKind } from '../../../lib/testing/test-databases';
import { inventoryContext } from '.';
import { inventoryRepos } from './inventory.repos';

export type TestInventory = Awaited<ReturnType<typeof openTestInventory>>;

export async function openTestInventory(kind: TestDatabaseKind) {
  const db = await openTestContextDatabase(kind, 'inventory', inventoryContext.createClient);
  const prisma = db.client;
  const runtime = testContextRuntime('inventory', prisma);
  const parts = await inventoryContext.parts(runtime);
  return {
    prisma,
    /** The gear repository on the database (no transaction). */
    repo: inventoryRepos(prisma).gear,
    gear: parts.gear,
    components: parts.components,
    /** The handlers of the events inventory consumes, as the subgraph serves them. */
    handlers: inventoryContext.consumers!(parts, runtime),
    /** Handlers whose commits call `notify` (as the subgraph's wake the relay). */
    handlersNotifying: (notify: () => void) => inventoryContext.consumers!(parts, { ...runtime, notify }),
    close: async () => {
      await runtime.release();
      await db.close();
    },
  };
}
