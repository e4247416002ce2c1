/** The inventory context on a throw-away database, wired as index.ts wires it, for integration tests. */
import { openTestContextDatabase, type TestDatabaseKind } from '../../../lib/testing/test-databases';
import { createGearComponentRepo } from './gear-component.repo';
import { createGearComponentService } from './gear-component.service';
import { createGearUsageRepo } from './gear-usage.repo';
import { createGearRepo } from './gear.repo';
import { createGearService } from './gear.service';
import { createInventoryPrisma, inTransaction } from './inventory.prisma';
import { createInventoryEventHandlers } from './workout-usage.events';

export type TestInventory = Awaited<ReturnType<typeof openTestInventory>>;

export async function openTestInventory(kind: TestDatabaseKind) {
  const db = await openTestContextDatabase(kind, 'inventory', createInventoryPrisma);
  const prisma = db.client;
  const clock = { now: () => new Date() };
  const repo = createGearRepo(prisma);
  return {
    prisma,
    repo,
    gear: createGearService({
      gear: repo,
      usages: createGearUsageRepo(prisma),
      inTransaction: inTransaction(prisma, createGearRepo),
      clock,
      notify: () => undefined,
    }),
    components: createGearComponentService({
      gear: repo,
      components: createGearComponentRepo(prisma),
      clock,
    }),
    handlers: createInventoryEventHandlers({ prisma, notify: () => undefined }),
    close: db.close,
  };
}
