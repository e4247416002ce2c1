/** GraphQL adapters of the training context: parse arguments, call one service method, map the result. */
import { requireViewer } from '../../../lib/auth/viewer';
import { ForbiddenError } from '../../../lib/errors/domain-error';
import { DateTime, Duration } from '../../../lib/graphql/scalars';
import type { PubSub } from '../../../lib/pubsub/pubsub';
import type { Resolvers } from './__generated__/resolvers-types';
import type { ImportService } from './import.service';
import type { PersonalRecordsRepo } from './personal-records.repo';
import type { PublicWorkouts } from './public-workouts';
import { sportTaxonomy } from './sport-info';
import type { TelemetryService } from './telemetry.service';
import type { TrackRepo } from './track.repo';
import { checkedProfile } from './training-profile';
import type { TrainingProfileRepo } from './training-profile.repo';
import { progressChannel, untilFinished, type ProgressPublisher } from './workout-progress';
import { streamsOf } from './workout-streams';
import type { WorkoutService } from './workout.service';

export interface ResolverDeps {
  workouts: WorkoutService;
  telemetry: TelemetryService;
  imports: ImportService;
  records: PersonalRecordsRepo;
  profiles: TrainingProfileRepo;
  track: TrackRepo;
  pubsub: PubSub;
  progress: Pick<ProgressPublisher, 'publishSoon'>;
  publicWorkouts: PublicWorkouts;
}

const onlyOwn = (viewerId: string, userId: string, what: string) => {
  if (viewerId !== userId) throw new ForbiddenError(`You can only read your own ${what}.`);
};

export function createResolvers(deps: ResolverDeps): Resolvers {
  const { workouts, telemetry, imports, records, profiles, track, pubsub, progress, publicWorkouts } = deps;
  return {
    DateTime,
    Duration,
    Query: {
      sports: () => sportTaxonomy(),
      publicWorkouts: (_root, args) => publicWorkouts.of(args.userId, args.first, args.after),
      workout: (_root, args, ctx) => workouts.get(requireViewer(ctx.viewer), args.id),
      myWorkouts: (_root, args, ctx) => {
        const viewer = requireViewer(ctx.viewer);
        return workouts.listOf(viewer, viewer.userId, args.first, args.after);
      },
      importJob: (_root, args, ctx) => imports.get(requireViewer(ctx.viewer), args.id),
      myImports: (_root, args, ctx) => imports.list(requireViewer(ctx.viewer), args.first ?? 20),
    },
    Mutation: {
      startWorkout: (_root, args, ctx) => workouts.start(requireViewer(ctx.viewer), args),
      finishWorkout: (_root, args, ctx) => workouts.finish(requireViewer(ctx.viewer), args),
      pauseWorkout: (_root, args, ctx) => workouts.pause(requireViewer(ctx.viewer), args.id, args.at),
      resumeWorkout: (_root, args, ctx) => workouts.resume(requireViewer(ctx.viewer), args.id, args.at),
      updateWorkout: (_root, args, ctx) => workouts.update(requireViewer(ctx.viewer), args),
      logManualWorkout: (_root, args, ctx) => workouts.logManual(requireViewer(ctx.viewer), args.input),
      discardWorkout: (_root, args, ctx) => workouts.discard(requireViewer(ctx.viewer), args.id),
      recordTelemetry: (_root, args, ctx) =>
        telemetry.record(requireViewer(ctx.viewer), args.workoutId, args.batch),
      deleteWorkout: (_root, args, ctx) => workouts.delete(requireViewer(ctx.viewer), args.id),
      updateTrainingProfile: (_root, args, ctx) =>
        profiles.save(requireViewer(ctx.viewer).userId, checkedProfile(args.input, new Date())),
    },
    Subscription: {
      workoutProgress: {
        // The owner check runs before anything is sent. A new subscriber gets the current figures at once
        // (sent to every subscriber of the workout: they are the same figures).
        subscribe: async (_root, args, ctx) => {
          const workout = await workouts.get(requireViewer(ctx.viewer), args.workoutId);
          const subscription = pubsub.subscribe(progressChannel(workout.id), { bufferSize: 64 });
          await subscription.ready;
          progress.publishSoon(workout.id);
          return untilFinished(subscription) as AsyncIterable<never>;
        },
        resolve: (message: unknown) => message as never,
      },
    },
    Workout: {
      __resolveReference: (ref, ctx) => workouts.get(requireViewer(ctx.viewer), ref.id),
      athlete: (workout) => ({ id: workout.userId }),
      trackFlags: (workout) => workout.metrics?.flags ?? [],
      streams: async (workout, args) =>
        streamsOf(await track.samplesOf(workout.id), args.channels, args.resolution ?? 500),
    },
    PublicWorkout: {
      athlete: (workout) => ({ id: workout.userId }),
    },
    WorkoutMetrics: {
      splits: (metrics, args) => (args.unit === 'MILE' ? metrics.splits.mile : metrics.splits.kilometre),
    },
    PersonalRecord: {
      workout: (record, _args, ctx) => workouts.get(requireViewer(ctx.viewer), record.workoutId),
    },
    ImportJob: {
      workout: (job, _args, ctx) =>
        job.status === 'DONE' ? workouts.get(requireViewer(ctx.viewer), job.workoutId) : null,
    },
    WorkoutProgress: {
      workout: (progress, _args, ctx) => workouts.get(requireViewer(ctx.viewer), progress.workoutId),
      athlete: (progress) => ({ id: progress.userId }),
      at: (progress) => new Date(progress.at),
    },
    User: {
      __resolveReference: (ref) => ({ id: ref.id }),
      workouts: (user, args, ctx) =>
        workouts.listOf(requireViewer(ctx.viewer), user.id, args.first, args.after),
      personalRecords: (user, args, ctx) => {
        onlyOwn(requireViewer(ctx.viewer).userId, user.id, 'personal records');
        return records.of(user.id, args.sport ?? null);
      },
      trainingProfile: (user, _args, ctx) => {
        onlyOwn(requireViewer(ctx.viewer).userId, user.id, 'training profile');
        return profiles.of(user.id);
      },
    },
  };
}
