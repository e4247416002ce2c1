/** Composition root of the training subgraph: wires the real adapters and serves the schema. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { createJwtVerifier, remoteJwks } from '../../../lib/auth/jwt-verifier';
import { openContextDatabase } from '../../../lib/db/context-database';
import { createPubSub } from '../../../lib/pubsub/create-pubsub';
import { startSubgraphServer, type StartSubgraph } from '../../../lib/server/subgraph-server';
import { startContextEvents } from '../../../lib/events/context-events';
import { fileRoutes } from './files.http';
import { createImportJobRepo } from './import-job.repo';
import { createImportService } from './import.service';
import { startImportWorker } from './import-worker';
import { createTrainingEventHandlers } from './known-gear.events';
import { createKnownGearRepo } from './known-gear.repo';
import { createPersonalRecordsRepo } from './personal-records.repo';
import { createPublicWorkouts } from './public-workouts';
import { createResolvers } from './resolvers';
import { telemetryRoutes } from './telemetry.http';
import { createTelemetryRepo } from './telemetry.repo';
import { createTelemetryService } from './telemetry.service';
import { createTrackRepo } from './track.repo';
import { createTrainingPrisma } from './training.prisma';
import { createTrainingProfileRepo } from './training-profile.repo';
import { createProgressPublisher } from './workout-progress';
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
  const prisma = db.client;
  const knownGear = createKnownGearRepo(prisma);
  const events = await startContextEvents({
    context: 'training',
    db: prisma,
    bus: options.bus,
    logger,
    publishes: true,
    handlers: () => createTrainingEventHandlers({ prisma, knownGear }),
  });
  const clock = { now: () => new Date() };
  const pubsub = createPubSub(config, logger);
  const track = createTrackRepo(prisma);
  const profiles = createTrainingProfileRepo(prisma);
  const workoutRepo = createWorkoutRepo(prisma);
  const progress = createProgressPublisher({ pubsub, track, profiles, workouts: workoutRepo, clock, logger });
  const workouts = createWorkoutService({
    workouts: workoutRepo,
    knownGear,
    track,
    profiles,
    clock,
    published: events.notify,
    changed: (workout) => progress.publishSoon(workout.id),
  });
  const telemetry = createTelemetryService({
    telemetry: createTelemetryRepo(prisma),
    workouts,
    progress,
    clock,
    logger,
  });
  let wakeWorker = () => undefined as void;
  const imports = createImportService({
    prisma,
    jobs: createImportJobRepo(prisma),
    knownGear,
    profiles,
    clock,
    queued: () => wakeWorker(),
    published: events.notify,
  });
  const worker = startImportWorker({ processNext: imports.processNext, logger });
  wakeWorker = worker.wake;
  const verifier = createJwtVerifier({
    keys: remoteJwks(options.jwksUrl),
    issuer: config.auth.issuer,
    audience: config.auth.audience,
  });
  return startSubgraphServer({
    name: 'training',
    config,
    typeDefs,
    resolvers: createResolvers({
      workouts,
      telemetry,
      imports,
      records: createPersonalRecordsRepo(prisma),
      profiles,
      track,
      pubsub,
      progress,
      publicWorkouts: createPublicWorkouts({ workouts: workoutRepo }),
    }),
    routes: (app) => {
      telemetryRoutes({ verifier, telemetry, logger })(app);
      fileRoutes({ verifier, imports, workouts, track, logger })(app);
    },
    host: options.host,
    publicHost: config.http.publicHost,
    port: options.port,
    verifier,
    logger: logger.child({ subgraph: 'training' }),
    ready: db.ping,
    onStop: async () => {
      await worker.stop();
      await events.stop();
      await pubsub.close();
      await db.close();
    },
  });
};
