/** The domain types the training resolvers return for each GraphQL type (used by codegen's mappers). */
export type { WorkoutRecord as Workout } from './workouts/workout.repo';
export type { WorkoutMetrics } from './metrics/workout-metrics';
export type { PersonalRecordRow as PersonalRecord } from './records/personal-records.repo';
export type { ImportJobRecord as ImportJob } from './imports/import-job.repo';
export type { WorkoutProgressMessage as WorkoutProgress } from './workouts/workout-progress.service';
export type { TrainingProfile } from './profile/training-profile.repo';
export type { PublicWorkoutSummary as PublicWorkout } from './workouts/public-workouts.service';
/** A user reference: training knows only the id; identity resolves the rest. */
export interface User {
  id: string;
}
