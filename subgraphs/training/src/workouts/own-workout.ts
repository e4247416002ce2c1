/** The one owner check of a workout, shared by the services that read one for its athlete. */
import { validate as isUuid } from 'uuid';
import type { Viewer } from '../../../../lib/auth/viewer';
import { BadUserInputError, NotFoundError } from '../../../../lib/errors/domain-error';
import type { WorkoutRecord, WorkoutRepo } from './workout.repo';

/** `id` as workouts are stored and named (a UUID may be sent in capitals); BAD_USER_INPUT unless it is one. */
export function workoutIdOf(id: string): string {
  if (!isUuid(id)) throw new BadUserInputError('id', 'id must be a workout id (a UUID).');
  return id.toLowerCase();
}

/** The viewer's own workout; anyone else's is reported as missing so its existence does not leak. */
export async function ownWorkout(
  workouts: Pick<WorkoutRepo, 'findById'>,
  viewer: Viewer,
  id: string,
): Promise<WorkoutRecord> {
  const workout = await workouts.findById(workoutIdOf(id));
  if (!workout || workout.userId !== viewer.userId) throw new NotFoundError('Workout', id);
  return workout;
}
