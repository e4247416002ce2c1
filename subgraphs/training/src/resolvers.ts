/** GraphQL adapters of the training context: parse arguments, call one service method, map the result. */
import { requireViewer } from '../../../lib/auth/viewer';
import { DateTime, Duration } from '../../../lib/graphql/scalars';
import type { Resolvers } from './__generated__/resolvers-types';
import { sportTaxonomy } from './sport-info';
import type { TelemetryService } from './telemetry.service';
import type { WorkoutService } from './workout.service';

export function createResolvers(deps: { workouts: WorkoutService; telemetry: TelemetryService }): Resolvers {
  const { workouts, telemetry } = deps;
  return {
    DateTime,
    Duration,
    Query: {
      sports: () => sportTaxonomy(),
      workout: (_root, args, ctx) => workouts.get(requireViewer(ctx.viewer), args.id),
      myWorkouts: (_root, args, ctx) => {
        const viewer = requireViewer(ctx.viewer);
        return workouts.listOf(viewer, viewer.userId, args.first, args.after);
      },
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
    },
    Workout: {
      __resolveReference: (ref, ctx) => workouts.get(requireViewer(ctx.viewer), ref.id),
      athlete: (workout) => ({ id: workout.userId }),
    },
    User: {
      __resolveReference: (ref) => ({ id: ref.id }),
      workouts: (user, args, ctx) =>
        workouts.listOf(requireViewer(ctx.viewer), user.id, args.first, args.after),
    },
  };
}
