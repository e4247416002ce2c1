/** The contexts that consume events, and how to build their handlers on their own database (for replay). */
import { openContextDatabase } from '../lib/db/context-database';
import type { DatabaseTarget } from '../lib/db/database-target';
import type { EventHandlers } from '../lib/events/event-consumer';
import { gamificationConsumers } from '../subgraphs/gamification/src';
import { inventoryConsumers } from '../subgraphs/inventory/src';
import { trainingConsumers } from '../subgraphs/training/src/known-gear.events';

/** A replay of a context that holds more than its database (gamification's leaderboards). */
interface ReplaySession {
  handlers: EventHandlers;
  /** Runs once every retained event was re-delivered; says what it did. */
  finish(): Promise<string>;
  /** Releases what the session holds (the database is closed after it). */
  close(): Promise<void>;
}

type ConsumingContext<
  C extends { $queryRawUnsafe(sql: string): Promise<unknown>; $disconnect(): Promise<void> },
> = {
  context: string;
  createClient: Parameters<typeof openContextDatabase<C>>[0]['createClient'];
} & ({ handlers: (client: C) => EventHandlers } | { session: (client: C) => ReplaySession });

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
      const session: ReplaySession =
        'session' in definition
          ? definition.session(db.client)
          : {
              handlers: definition.handlers(db.client),
              finish: async () => '',
              close: async () => undefined,
            };
      return {
        handlers: session.handlers,
        finish: session.finish,
        close: async () => {
          await session.close();
          await db.close();
        },
      };
    },
  };
}

export const EVENT_CONSUMERS: Record<string, ReturnType<typeof consuming>> = {
  training: consuming(trainingConsumers),
  inventory: consuming(inventoryConsumers),
  gamification: consuming(gamificationConsumers),
};
