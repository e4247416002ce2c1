import { v7 as uuidv7 } from 'uuid';
import { createPublicWorkoutsService } from './public-workouts.service';
import { aWorkoutRecord } from './workout.builders';
import type { WorkoutKey, WorkoutRecord } from './workout.repo';

function newTestPublicWorkouts(rows: WorkoutRecord[]) {
  const calls: { userId: string; limit: number; after: WorkoutKey | null }[] = [];
  const publicWorkouts = createPublicWorkoutsService({
    workouts: {
      listPublicByUser: async (userId, limit, after) => {
        calls.push({ userId, limit, after });
        return rows.slice(0, limit);
      },
    },
    reads: { blocked: async () => false },
  });
  return { publicWorkouts, calls };
}

describe('publicWorkouts', () => {
  const athlete = uuidv7();

  it('returns summaries only: no title, notes, gear or track of the workout', async () => {
    const workout = aWorkoutRecord({
      userId: athlete,
      sport: 'RIDE',
      status: 'FINISHED',
      visibility: 'PUBLIC',
      title: 'Secret loop',
      notes: 'door code 1234',
      distanceMeters: 42_000,
      movingSeconds: 5_400,
      elevationGainMeters: 610,
    });
    const { publicWorkouts } = newTestPublicWorkouts([workout]);
    const page = await publicWorkouts.of(null, athlete, 10, null);
    expect(page.edges.map((e) => e.node)).toEqual([
      {
        id: workout.id,
        userId: athlete,
        sport: 'RIDE',
        startedAt: workout.startedAt,
        distanceMeters: 42_000,
        movingSeconds: 5_400,
        elevationGainMeters: 610,
      },
    ]);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it('asks for one row more than the page to know whether another page follows', async () => {
    const rows = [1, 2, 3].map(() => aWorkoutRecord({ userId: athlete }));
    const { publicWorkouts, calls } = newTestPublicWorkouts(rows);
    const page = await publicWorkouts.of(null, athlete, 2, null);
    expect(calls).toEqual([{ userId: athlete, limit: 3, after: null }]);
    expect(page.edges).toHaveLength(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  it('refuses a user id that is not a UUID, naming the argument', async () => {
    const { publicWorkouts } = newTestPublicWorkouts([]);
    await expect(publicWorkouts.of(null, 'ann', 10, null)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'userId' },
    });
  });

  it('refuses a cursor it did not write', async () => {
    const { publicWorkouts } = newTestPublicWorkouts([]);
    await expect(publicWorkouts.of(null, athlete, 10, 'bogus')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'after' },
    });
  });
});
