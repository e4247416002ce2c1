/** The inventory context's repositories, bound to one transaction (or to the client, for single statements). */
import { createOutboxWriter } from '../../../lib/events/outbox';
import { createGearComponentRepo } from './gear-component.repo';
import { createGearUsageRepo } from './gear-usage.repo';
import { createGearRepo } from './gear.repo';
import type { InventoryTx } from './inventory.prisma';

export type InventoryRepos = ReturnType<typeof inventoryRepos>;

export function inventoryRepos(tx: InventoryTx) {
  return {
    gear: createGearRepo(tx),
    components: createGearComponentRepo(tx),
    usages: createGearUsageRepo(tx),
    outbox: createOutboxWriter(tx),
  };
}
