/** The training context: workouts recorded live or imported, their tracks, figures and records. */
import { parseArgs } from 'node:util';
import { startPollingWorker } from '../../../lib/async/polling-worker';
import { defineContext, schemaBeside } from '../../../lib/context/context-descriptor';
import { consumingOnce, inTransaction } from '../../../lib/db/unit-of-work';
import { createPubSub } from '../../../lib/pubsub/create-pubsub';
import { fileRoutes } from './imports/files.http';
import { createImportService } from './imports/import.service';
import { METRICS_CONFIG } from './metrics/metrics-config';
import { createTrainingProfileService } from './profile/training-profile.service';
import { createTrackPrivacyService } from './privacy/track-privacy.service';
import { createPersonalRecordsService } from './records/personal-records.service';
import { createResolvers } from './resolvers';
import { telemetryRoutes } from './telemetry/telemetry.http';
import { createTelemetryService } from './telemetry/telemetry.service';
import { createTrainingConsumers, TRAINING_CONSUMER } from './training.consumers';
import { createTrainingPrisma } from './training.prisma';
import { trainingHttpRoutes } from './training.http-routes';
import { trainingRepos } from './training.repos';
import { createWorkoutReadsService } from './visibility/workout-reads.service';
import { createPublicWorkoutsService } from './workouts/public-workouts.service';
import { createWorkoutProgressService } from './workouts/workout-progress.service';
import { createWorkoutService } from './workouts/workout.service';

export const trainingContext = defineContext({
  name: 'training',
  typeDefs: schemaBeside(__dirname),
  createClient: createTrainingPrisma,
  publishes: [
    'training.workout.started',
    'training.workout.completed',
    'training.workout.updated',
    'training.workout.deleted',
    'training.profile.updated',
    'training.import.finished',
    'training.import.failed',
  ],
  parts: ({ db, config, logger, clock, notify, hold }) => {
    const pubsub = createPubSub(config, logger);
    hold(() => pubsub.close());
    const repos = trainingRepos(db);
    const unitOfWork = inTransaction(db, trainingRepos);
    const reads = createWorkoutReadsService(repos);
    const progress = createWorkoutProgressService({ pubsub, ...repos, reads, clock, logger });
    const workouts = createWorkoutService({
      repos,
      inTransaction: unitOfWork,
      clock,
      published: notify,
      changed: (workout) => progress.publishSoon(workout.id),
    });
    let wakeWorker = (): void => undefined;
    return {
      workouts,
      reads,
      progress,
      telemetry: createTelemetryService({
        repos,
        workouts,
        reads,
        progress,
        clock,
        logger,
      }),
      imports: createImportService({
        repos,
        // Storing an imported workout writes all its samples: a long transaction, which may wait its turn.
        inTransaction: inTransaction(db, trainingRepos, { timeout: 60_000, maxWait: 30_000 }),
        clock,
        queued: () => wakeWorker(),
        published: notify,
      }),
      records: createPersonalRecordsService(repos),
      profiles: createTrainingProfileService({
        profiles: repos.profiles,
        inTransaction: unitOfWork,
        clock,
        published: notify,
      }),
      publicWorkouts: createPublicWorkoutsService({ workouts: repos.workouts, reads }),
      privacy: createTrackPrivacyService({ trackPrivacy: repos.trackPrivacy, inTransaction: unitOfWork }),
      wakeWorkerWith: (wake: () => void) => void (wakeWorker = wake),
    };
  },
  // Erasing a user deletes all their samples: a long transaction, given the time it may need.
  consumers: (_parts, { db }) =>
    createTrainingConsumers({
      consumeOnce: consumingOnce(db, TRAINING_CONSUMER, trainingRepos, { timeout: 60_000, maxWait: 30_000 }),
    }),
  // The import worker turns accepted uploads into workouts, one at a time, beside the server.
  start: (parts, { logger, hold }) => {
    const worker = startPollingWorker({ processNext: parts.imports.processNext, logger, what: 'import' });
    parts.wakeWorkerWith(worker.wake);
    hold(() => worker.stop());
  },
  resolvers: (parts) => createResolvers(parts),
  http: {
    routes: trainingHttpRoutes,
    mount: (app, { telemetry, imports }, { verifier, logger }) => {
      telemetryRoutes({ verifier, telemetry, logger })(app);
      fileRoutes({ verifier, imports, telemetry, logger })(app);
    },
  },
  commands: {
    'metrics:recompute': {
      usage: 'npm run metrics:recompute [-- --all]',
      run: async ({ workouts }, { logger }, argv) => {
        const { values } = parseArgs({ args: argv, options: { all: { type: 'boolean', default: false } } });
        const { recomputed, failed } = await workouts.recomputeFigures(
          values.all ? 'all' : METRICS_CONFIG.version,
          (workoutId, error) => logger.error({ err: error, workoutId }, 'recomputing a workout failed'),
        );
        return {
          message:
            `training: recomputed ${recomputed} workout(s) with metrics version ${METRICS_CONFIG.version}` +
            (failed ? `; ${failed} failed (see the log)` : '') +
            '.',
          exitCode: failed ? 1 : 0,
        };
      },
    },
  },
});
