/** Wires a context into the event backbone: its outbox relay (if it publishes) and its consumer group (if it consumes). */
import type { Logger } from '../logging/logger';
import type { Consumer, EventBus } from './event-bus';
import { startEventConsumer, type EventHandlers } from './event-consumer';
import { startOutboxRelay, type OutboxRelay } from './outbox-relay';
import { asRawSqlClient } from './raw-sql';

export interface ContextEvents {
  /** Wakes the relay: call after committing a transaction that wrote outbox rows. */
  notify(): void;
  stop(): Promise<void>;
}

export async function startContextEvents(options: {
  context: string;
  /** The context's Prisma client. */
  db: unknown;
  bus: EventBus;
  logger: Logger;
  publishes: boolean;
  /** The context's handlers; given `notify` for handlers whose effects write outbox rows. */
  handlers?: (notify: () => void) => EventHandlers;
}): Promise<ContextEvents> {
  const { context, bus, logger } = options;
  const relay: OutboxRelay | null = options.publishes
    ? startOutboxRelay({ context, db: asRawSqlClient(options.db), bus, logger })
    : null;
  const consumer: Consumer | null = options.handlers
    ? await startEventConsumer({
        bus,
        group: context,
        handlers: options.handlers(() => relay?.notify()),
        logger,
      })
    : null;
  return {
    notify: () => relay?.notify(),
    async stop() {
      await consumer?.stop();
      await relay?.stop();
    },
  };
}
