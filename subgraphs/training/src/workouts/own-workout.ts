/** The one owner check of a workout, shared by the services that read one for its athlete. */
import { validate as isUuid } from 'uuid';
import type { Viewer } from '../../../../lib/auth/viewer';
import { BadUserInputError, NotFoundError } from '../../../../lib/errors/domain-error';
import type { WorkoutRecord, WorkoutRepo } from './workout.repo';

/** The viewer's own workout; anyone else's is reported as missing so its existence does not leak. */
export async function ownWorkout(
  workouts: Pick<WorkoutRepo, 'findById'>,
  viewer: Viewer,
  id: string,
): Promise<WorkoutRecord> {
  if (!isUuid(id)) throw new BadUserInputError('id', 'id must be a workout id (a UUID).');
  const workout = await workouts.findById(id);
  if (!workout || workout.userId !== viewer.userId) throw new NotFoundError('Workout', id);
  return workout;
}
