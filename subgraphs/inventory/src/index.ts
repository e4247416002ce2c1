/** Composition root of the inventory subgraph: wires the real adapters, its events, and serves the schema. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { createJwtVerifier, remoteJwks } from '../../../lib/auth/jwt-verifier';
import { openContextDatabase } from '../../../lib/db/context-database';
import { startContextEvents, type ContextEvents } from '../../../lib/events/context-events';
import { startSubgraphServer, type StartSubgraph } from '../../../lib/server/subgraph-server';
import { createGearComponentRepo } from './gear-component.repo';
import { createGearComponentService } from './gear-component.service';
import { createGearUsageRepo } from './gear-usage.repo';
import { createGearRepo } from './gear.repo';
import { createGearService } from './gear.service';
import { createInventoryPrisma, inTransaction } from './inventory.prisma';
import { createResolvers } from './resolvers';
import { createInventoryEventHandlers } from './workout-usage.events';

export {
  createInventoryEventHandlers,
  inventoryConsumers,
  type InventoryEventDeps,
} from './workout-usage.events';

export const typeDefs = parse(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));

export const startInventorySubgraph: StartSubgraph = async (options) => {
  const { config } = options;
  const logger = options.logger.child({ subgraph: 'inventory' });
  const db = await openContextDatabase({
    context: 'inventory',
    target: options.database,
    createClient: createInventoryPrisma,
    logger,
  });
  const prisma = db.client;
  const clock = { now: () => new Date() };
  let events: ContextEvents;
  try {
    events = await startContextEvents({
      context: 'inventory',
      db: prisma,
      bus: options.bus,
      logger,
      publishes: true,
      handlers: (notify) => createInventoryEventHandlers({ prisma, notify, clock }),
    });
  } catch (error) {
    await db.close();
    throw error;
  }
  const gearRepo = createGearRepo(prisma);
  const gear = createGearService({
    gear: gearRepo,
    usages: createGearUsageRepo(prisma),
    inTransaction: inTransaction(prisma, createGearRepo),
    clock,
    notify: events.notify,
  });
  const components = createGearComponentService({
    gear: gearRepo,
    components: createGearComponentRepo(prisma),
    clock,
  });

  return startSubgraphServer({
    name: 'inventory',
    config,
    typeDefs,
    resolvers: createResolvers({ gear, components }),
    host: options.host,
    publicHost: config.http.publicHost,
    port: options.port,
    verifier: createJwtVerifier({
      keys: remoteJwks(options.jwksUrl),
      issuer: config.auth.issuer,
      audience: config.auth.audience,
    }),
    logger,
    ready: db.ping,
    // Stop consuming and publishing before the database they use goes away.
    onStop: async () => {
      await events.stop();
      await db.close();
    },
  });
};
