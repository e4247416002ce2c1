/** The one owner check of a workout, shared by the services that read one for its athlete. */
import { validate as isUuid } from 'uuid';
import type { Viewer } from '../../../../lib/auth/viewer';
import { BadUserInputError, NotFoundError } from '../../../../lib/errors/domain-error';
import type { WorkoutRecord, WorkoutRepo } from './workout.repo';

/** BAD_USER_INPUT unless `id` can be a workout's id. */
export function checkWorkoutId(id: string): void {
  if (!isUuid(id)) throw new BadUserInputError('id', 'id must be a workout id (a UUID).');
}

/** The viewer's own workout; anyone else's is reported as missing so its existence does not leak. */
export async function ownWorkout(
  workouts: Pick<WorkoutRepo, 'findById'>,
  viewer: Viewer,
  id: string,
): Promise<WorkoutRecord> {
  checkWorkoutId(id);
  const workout = await workouts.findById(id);
  if (!workout || workout.userId !== viewer.userId) throw new NotFoundError('Workout', id);
  return workout;
}
