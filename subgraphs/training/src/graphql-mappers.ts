/** The domain types the training resolvers return for each GraphQL type (used by codegen's mappers). */
export type { WorkoutRecord as Workout } from './workout.repo';
export type { WorkoutMetrics } from './metrics/workout-metrics';
export type { PersonalRecordRow as PersonalRecord } from './personal-records.repo';
export type { ImportJobRecord as ImportJob } from './import-job.repo';
export type { WorkoutProgressMessage as WorkoutProgress } from './workout-progress';
export type { TrainingProfile } from './training-profile.repo';
export type { PublicWorkoutSummary as PublicWorkout } from './public-workouts';
/** A user reference: training knows only the id; identity resolves the rest. */
export interface User {
  id: string;
}
