import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../lib/auth/viewer';
import type { WorkoutRecord, WorkoutRepo } from './workout.repo';
import { createWorkoutService } from './workout.service';

function fakeWorkoutRepo(): WorkoutRepo {
  const rows: WorkoutRecord[] = [];
  return {
    async insert(w) {
      const row: WorkoutRecord = {
        ...w,
        status: 'IN_PROGRESS',
        finishedAt: null,
        elapsedSeconds: null,
        distanceMeters: null,
      };
      rows.push(row);
      return { ...row };
    },
    findById: async (id) => rows.find((r) => r.id === id) ?? null,
    async finish(id, finish) {
      const row = rows.find((r) => r.id === id && r.status === 'IN_PROGRESS');
      if (!row) return null;
      Object.assign(row, finish, { status: 'FINISHED' });
      return { ...row };
    },
    listByUser: async (userId, limit, after) =>
      rows
        .filter((r) => r.userId === userId)
        .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime() || b.id.localeCompare(a.id))
        .filter(
          (r) =>
            !after || r.startedAt < after.startedAt || (+r.startedAt === +after.startedAt && r.id < after.id),
        )
        .slice(0, limit),
  };
}

const NOW = new Date('2026-11-20T08:00:00Z');
const ann: Viewer = { userId: uuidv7(), roles: ['ATHLETE'] };
const bob: Viewer = { userId: uuidv7(), roles: ['ATHLETE'] };

function newTestWorkouts() {
  return createWorkoutService({ workouts: fakeWorkoutRepo(), clock: { now: () => NOW } });
}

describe('startWorkout', () => {
  it('starts now by default', async () => {
    const workout = await newTestWorkouts().start(ann, { sport: 'RUN' });
    expect(workout).toMatchObject({
      userId: ann.userId,
      sport: 'RUN',
      status: 'IN_PROGRESS',
      startedAt: NOW,
    });
  });

  it('refuses a start in the future beyond clock skew, naming startedAt', async () => {
    await expect(
      newTestWorkouts().start(ann, { sport: 'RUN', startedAt: new Date('2026-11-20T09:00:00Z') }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'startedAt' },
    });
  });
});

describe('finishWorkout', () => {
  it('stores the elapsed time and the distance', async () => {
    const workouts = newTestWorkouts();
    const started = await workouts.start(ann, { sport: 'RUN', startedAt: new Date('2026-11-20T07:00:00Z') });
    const finished = await workouts.finish(ann, { id: started.id, distanceMeters: 10_000 });
    expect(finished).toMatchObject({
      status: 'FINISHED',
      finishedAt: NOW,
      elapsedSeconds: 3600,
      distanceMeters: 10_000,
    });
  });

  it('answers CONFLICT when finishing twice', async () => {
    const workouts = newTestWorkouts();
    const started = await workouts.start(ann, { sport: 'RUN', startedAt: new Date('2026-11-20T07:00:00Z') });
    await workouts.finish(ann, { id: started.id });
    await expect(workouts.finish(ann, { id: started.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it.each([
    ['distanceMeters', { distanceMeters: -1 }],
    ['distanceMeters', { distanceMeters: 2_000_000 }],
    ['finishedAt', { finishedAt: new Date('2026-11-20T06:00:00Z') }],
    ['finishedAt', { finishedAt: new Date('2026-11-21T06:00:00Z') }],
  ])('refuses a bad %s', async (field, input) => {
    const workouts = newTestWorkouts();
    const started = await workouts.start(ann, { sport: 'RUN', startedAt: new Date('2026-11-20T07:00:00Z') });
    await expect(workouts.finish(ann, { id: started.id, ...input })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field },
    });
  });

  it("treats someone else's workout as not found", async () => {
    const workouts = newTestWorkouts();
    const started = await workouts.start(ann, { sport: 'RUN' });
    await expect(workouts.finish(bob, { id: started.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workouts.get(bob, started.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('names the id field when it is not a UUID', async () => {
    await expect(newTestWorkouts().get(ann, 'abc')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'id' },
    });
  });
});

describe('listOf', () => {
  it('pages through the athlete’s own workouts, newest first', async () => {
    const workouts = newTestWorkouts();
    const ids: string[] = [];
    for (const hour of [1, 2, 3]) {
      ids.push(
        (await workouts.start(ann, { sport: 'RUN', startedAt: new Date(Date.UTC(2026, 10, 20, hour)) })).id,
      );
    }
    await workouts.start(bob, { sport: 'RIDE' });
    const page1 = await workouts.listOf(ann, ann.userId, 2, null);
    const page2 = await workouts.listOf(ann, ann.userId, 2, page1.pageInfo.endCursor);
    expect(page1.edges.map((e) => e.node.id)).toEqual([ids[2], ids[1]]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page2.edges.map((e) => e.node.id)).toEqual([ids[0]]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it("forbids listing another athlete's workouts", async () => {
    await expect(newTestWorkouts().listOf(bob, ann.userId, 10, null)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
