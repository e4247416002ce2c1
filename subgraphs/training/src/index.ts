/** Composition root of the training subgraph: wires the real adapters and serves the schema. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { createJwtVerifier, remoteJwks } from '../../../lib/auth/jwt-verifier';
import { openContextDatabase } from '../../../lib/db/context-database';
import { startSubgraphServer, type StartSubgraph } from '../../../lib/server/subgraph-server';
import { startContextEvents } from '../../../lib/events/context-events';
import { createTrainingEventHandlers } from './known-gear.events';
import { createKnownGearRepo } from './known-gear.repo';
import { createResolvers } from './resolvers';
import { telemetryRoutes } from './telemetry.http';
import { createTelemetryRepo } from './telemetry.repo';
import { createTelemetryService } from './telemetry.service';
import { createTrainingPrisma } from './training.prisma';
import { createWorkoutRepo } from './workout.repo';
import { createWorkoutService } from './workout.service';

export const typeDefs = parse(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));

export const startTrainingSubgraph: StartSubgraph = async (options) => {
  const { config, logger } = options;
  const db = await openContextDatabase({
    context: 'training',
    target: options.database,
    createClient: createTrainingPrisma,
    logger,
  });
  const knownGear = createKnownGearRepo(db.client);
  const events = await startContextEvents({
    context: 'training',
    db: db.client,
    bus: options.bus,
    logger,
    publishes: true,
    handlers: () => createTrainingEventHandlers({ prisma: db.client, knownGear }),
  });
  const workouts = createWorkoutService({
    workouts: createWorkoutRepo(db.client),
    knownGear,
    clock: { now: () => new Date() },
    published: events.notify,
  });
  const telemetry = createTelemetryService({ telemetry: createTelemetryRepo(db.client), workouts });
  const verifier = createJwtVerifier({
    keys: remoteJwks(options.jwksUrl),
    issuer: config.auth.issuer,
    audience: config.auth.audience,
  });
  return startSubgraphServer({
    name: 'training',
    typeDefs,
    resolvers: createResolvers({ workouts, telemetry }),
    routes: telemetryRoutes({ verifier, telemetry, logger }),
    host: options.host,
    publicHost: config.http.publicHost,
    port: options.port,
    verifier,
    logger: logger.child({ subgraph: 'training' }),
    ready: db.ping,
    onStop: async () => {
      await events.stop();
      await db.close();
    },
  });
};
