/** The contexts that consume events, and how to build their handlers on their own database (for replay). */
import { openContextDatabase } from '../lib/db/context-database';
import type { DatabaseTarget } from '../lib/db/database-target';
import type { EventHandlers } from '../lib/events/event-consumer';
import { inventoryConsumers } from '../subgraphs/inventory/src';
import { trainingConsumers } from '../subgraphs/training/src/known-gear.events';

interface ConsumingContext<
  C extends { $queryRawUnsafe(sql: string): Promise<unknown>; $disconnect(): Promise<void> },
> {
  context: string;
  createClient: Parameters<typeof openContextDatabase<C>>[0]['createClient'];
  handlers: (client: C) => EventHandlers;
}

function consuming<
  C extends { $queryRawUnsafe(sql: string): Promise<unknown>; $disconnect(): Promise<void> },
>(definition: ConsumingContext<C>) {
  return {
    context: definition.context,
    async open(target: DatabaseTarget) {
      const db = await openContextDatabase({
        context: definition.context,
        target,
        createClient: definition.createClient,
      });
      return { handlers: definition.handlers(db.client), close: db.close };
    },
  };
}

export const EVENT_CONSUMERS: Record<string, ReturnType<typeof consuming>> = {
  training: consuming(trainingConsumers),
  inventory: consuming(inventoryConsumers),
};
