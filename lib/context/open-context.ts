/**
 * Opens a context from its descriptor: its migrated database, its runtime and its parts. Everything opened
 * is released by `close()`, or at once when opening fails half way.
 */
import { systemClock } from '../clock';
import type { Config } from '../config/config';
import { openContextDatabase } from '../db/context-database';
import type { DatabaseTarget } from '../db/database-target';
import type { Logger } from '../logging/logger';
import type { ContextDescriptor, ContextRuntime } from './context-descriptor';
import type { PrismaLike } from '../db/context-database';

export interface OpenedContext<Client, Parts> {
  runtime: ContextRuntime<Client>;
  parts: Parts;
  /** A cheap round trip to the database (readiness). */
  ping(): Promise<void>;
  /** Releases everything held, last opened first; safe to call twice. */
  close(): Promise<void>;
}

/** Things to release, last registered first (errors are logged, and the rest still released). */
export function releaseStack(logger: Logger) {
  const held: (() => Promise<void>)[] = [];
  return {
    hold: (release: () => Promise<void>) => void held.push(release),
    async releaseAll(): Promise<void> {
      while (held.length > 0) {
        const release = held.pop()!;
        await release().catch((error: unknown) => logger.error({ err: error }, 'release failed'));
      }
    },
  };
}

export async function openContext<Client extends PrismaLike, Parts>(
  descriptor: ContextDescriptor<Client, Parts>,
  options: {
    config: Config;
    database: DatabaseTarget;
    logger: Logger;
    serving: boolean;
    /** The outbox relay's wake-up, once it runs (serving only). */
    notify?: () => void;
  },
): Promise<OpenedContext<Client, Parts>> {
  const logger = options.logger.child({ subgraph: descriptor.name });
  const stack = releaseStack(logger);
  const db = await openContextDatabase({
    context: descriptor.name,
    target: options.database,
    createClient: (adapter) => descriptor.createClient(adapter),
    logger,
  });
  stack.hold(db.close);
  try {
    const runtime: ContextRuntime<Client> = {
      name: descriptor.name,
      config: options.config,
      logger,
      db: db.client,
      clock: systemClock,
      notify: () => options.notify?.(),
      hold: stack.hold,
      serving: options.serving,
    };
    const parts = await descriptor.parts(runtime);
    return { runtime, parts, ping: db.ping, close: stack.releaseAll };
  } catch (error) {
    await stack.releaseAll();
    throw error;
  }
}
