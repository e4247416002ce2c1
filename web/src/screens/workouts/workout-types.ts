/** The workout as the workout screen reads it, for its parts. */
import type { WorkoutScreenQuery as WorkoutScreenData } from '../../__generated__/graphql';

export type ShownWorkout = NonNullable<WorkoutScreenData['workout']>;
export type ShownMetrics = NonNullable<ShownWorkout['metrics']>;
