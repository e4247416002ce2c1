/** GraphQL adapters of the training context: parse arguments, call one service method, map the result. */
import { requireViewer } from '../../../lib/auth/viewer';
import { DateTime, Duration } from '../../../lib/graphql/scalars';
import type { Resolvers } from './__generated__/resolvers-types';
import type { ImportService } from './imports/import.service';
import type { TrainingProfileService } from './profile/training-profile.service';
import type { PersonalRecordsService } from './records/personal-records.service';
import type { TelemetryService } from './telemetry/telemetry.service';
import type { PublicWorkoutsService } from './workouts/public-workouts.service';
import { sportTaxonomy } from './workouts/sport-info';
import type { WorkoutProgressService } from './workouts/workout-progress.service';
import type { WorkoutService } from './workouts/workout.service';

export interface ResolverDeps {
  workouts: WorkoutService;
  telemetry: TelemetryService;
  imports: ImportService;
  records: PersonalRecordsService;
  profiles: TrainingProfileService;
  progress: Pick<WorkoutProgressService, 'subscribe'>;
  publicWorkouts: PublicWorkoutsService;
}

export function createResolvers(deps: ResolverDeps): Resolvers {
  const { workouts, telemetry, imports, records, profiles, progress, publicWorkouts } = deps;
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
      updateTrainingProfile: (_root, args, ctx) => profiles.save(requireViewer(ctx.viewer), args.input),
    },
    Subscription: {
      workoutProgress: {
        subscribe: async (_root, args, ctx) =>
          (await progress.subscribe(requireViewer(ctx.viewer), args.workoutId)) as AsyncIterable<never>,
        resolve: (message: unknown) => message as never,
      },
    },
    Workout: {
      __resolveReference: (ref, ctx) => workouts.get(requireViewer(ctx.viewer), ref.id),
      athlete: (workout) => ({ id: workout.userId }),
      trackFlags: (workout) => workout.metrics?.flags ?? [],
      streams: (workout, args, ctx) =>
        telemetry.streams(requireViewer(ctx.viewer), workout, args.channels, args.resolution ?? 500),
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
      personalRecords: (user, args, ctx) =>
        records.of(requireViewer(ctx.viewer), user.id, args.sport ?? null),
      trainingProfile: (user, _args, ctx) => profiles.of(requireViewer(ctx.viewer), user.id),
    },
  };
}
