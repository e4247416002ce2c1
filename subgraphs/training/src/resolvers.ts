/** GraphQL adapters of the training context: parse arguments, call one service method, map the result. */
import { requireViewer } from '../../../lib/auth/viewer';
import { DateTime, Duration } from '../../../lib/graphql/scalars';
import type { Resolvers } from './__generated__/resolvers-types';
import type { ImportService } from './imports/import.service';
import type { TrackPrivacyService } from './privacy/track-privacy.service';
import type { TrainingProfileService } from './profile/training-profile.service';
import type { PersonalRecordsService } from './records/personal-records.service';
import type { TelemetryService } from './telemetry/telemetry.service';
import type { WorkoutReadsService } from './visibility/workout-reads.service';
import type { PublicWorkoutsService } from './workouts/public-workouts.service';
import { sportTaxonomy } from './workouts/sport-info';
import type { WorkoutProgressService } from './workouts/workout-progress.service';
import type { WorkoutService } from './workouts/workout.service';

export interface ResolverDeps {
  workouts: WorkoutService;
  reads: WorkoutReadsService;
  telemetry: TelemetryService;
  imports: ImportService;
  records: PersonalRecordsService;
  profiles: TrainingProfileService;
  progress: Pick<WorkoutProgressService, 'subscribe'>;
  publicWorkouts: PublicWorkoutsService;
  privacy: TrackPrivacyService;
}

export function createResolvers(deps: ResolverDeps): Resolvers {
  const { workouts, reads, telemetry, imports, records, profiles, progress, publicWorkouts, privacy } = deps;
  return {
    DateTime,
    Duration,
    Query: {
      sports: () => sportTaxonomy(),
      publicWorkouts: (_root, args, ctx) =>
        publicWorkouts.of(ctx.viewer, args.userId, args.first, args.after),
      workout: (_root, args, ctx) => reads.get(ctx.viewer, args.id),
      athleteWorkouts: (_root, args, ctx) => reads.listOf(ctx.viewer, args.userId, args.first, args.after),
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
      addPrivacyZone: (_root, args, ctx) => privacy.addZone(requireViewer(ctx.viewer), args),
      removePrivacyZone: (_root, args, ctx) => privacy.removeZone(requireViewer(ctx.viewer), args.id),
      setHideStartEndMeters: (_root, args, ctx) =>
        privacy.setHideStartEnd(requireViewer(ctx.viewer), args.meters),
    },
    Subscription: {
      workoutProgress: {
        subscribe: async (_root, args, ctx) =>
          (await progress.subscribe(requireViewer(ctx.viewer), args.workoutId)) as AsyncIterable<never>,
        resolve: (message: unknown) => message as never,
      },
    },
    Workout: {
      // Another context's reference (the social feed's): null when the viewer may not see the workout.
      __resolveReference: (ref, ctx) => reads.find(ctx.viewer, ref.id),
      athlete: (workout) => ({ id: workout.userId }),
      trackFlags: (workout) => workout.metrics?.flags ?? [],
      streams: (workout, args, ctx) =>
        telemetry.streams(ctx.viewer, workout, args.channels, args.resolution ?? 500),
      mapPreview: (workout, _args, ctx) => telemetry.mapPreview(ctx.viewer, workout),
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
      workout: (progress, _args, ctx) => reads.get(ctx.viewer, progress.workoutId),
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
      privacyZones: (user, _args, ctx) => privacy.zonesOf(requireViewer(ctx.viewer), user.id),
      hideStartEndMeters: (user, _args, ctx) => privacy.hideStartEndOf(requireViewer(ctx.viewer), user.id),
    },
  };
}
