/** A workout the viewer may see, with its owner's profile: NOT_FOUND otherwise, as if it did not exist. */
import { NotFoundError } from '../../../../lib/errors/domain-error';
import { checkedId } from '../../../../lib/graphql/checked-id';
import type { SocialRepos } from '../social.repos';
import type { WorkoutRecord } from '../workouts/workout.repo';
import { canSeeWorkout } from './audience';

export async function visibleWorkout(
  repos: Pick<SocialRepos, 'workouts' | 'relations'>,
  viewerId: string | null,
  workoutId: string,
): Promise<WorkoutRecord> {
  checkedId('workoutId', workoutId, 'a workout');
  const workout = await repos.workouts.find(workoutId);
  if (
    !workout ||
    !canSeeWorkout(await repos.relations.relationTo(viewerId, workout.userId), workout.visibility)
  )
    throw new NotFoundError('Workout', workoutId);
  return workout;
}
