/** The domain types the training resolvers return for each GraphQL type (used by codegen's mappers). */
export type { WorkoutRecord as Workout } from './workout.repo';
/** A user reference: training knows only the id; identity resolves the rest. */
export interface User {
  id: string;
}
