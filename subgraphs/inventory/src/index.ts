/** The inventory context: gear, its components and their wear, credited from training's workout events. */
import { defineContext, schemaBeside } from '../../../lib/context/context-descriptor';
import { consumingOnce, inTransaction } from '../../../lib/db/unit-of-work';
import { createGearComponentService } from './gear-component.service';
import { createGearService } from './gear.service';
import { INVENTORY_CONSUMER, inventoryConsumers } from './inventory.consumers';
import { createInventoryPrisma } from './inventory.prisma';
import { inventoryRepos } from './inventory.repos';
import { createResolvers } from './resolvers';
import { createWorkoutUsageService } from './workout-usage.service';

export const inventoryContext = defineContext({
  name: 'inventory',
  typeDefs: schemaBeside(__dirname),
  createClient: createInventoryPrisma,
  publishes: ['inventory.gear.changed', 'inventory.gear.wear-threshold-reached'],
  parts: ({ db, clock, notify }) => {
    const repos = inventoryRepos(db);
    return {
      gear: createGearService({
        gear: repos.gear,
        usages: repos.usages,
        inTransaction: inTransaction(db, inventoryRepos),
        clock,
        notify,
      }),
      components: createGearComponentService({ gear: repos.gear, components: repos.components, clock }),
      usage: createWorkoutUsageService({
        consumeOnce: consumingOnce(db, INVENTORY_CONSUMER, inventoryRepos),
        clock,
        notify,
      }),
    };
  },
  // The threshold events a replay writes wait in the outbox until the subgraph's relay publishes them.
  consumers: ({ usage }) => inventoryConsumers(usage),
  resolvers: ({ gear, components }) => createResolvers({ gear, components }),
});
