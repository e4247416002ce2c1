import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { openContextDatabase } from '../../../../lib/db/context-database';
import type { DatabaseTarget } from '../../../../lib/db/database-target';
import { useFixture } from '../../../../lib/testing/fixture';
import { availableDatabaseKinds, openTestContextDatabase } from '../../../../lib/testing/test-databases';
import { createTrainingPrisma } from '../training.prisma';
import { workoutDeleted, workoutEvent } from './workout.publish';
import { inTransaction } from '../../../../lib/db/unit-of-work';
import type { EventEnvelope } from '../../../../lib/events/envelope';
import { trainingRepos } from '../training.repos';
import { aWorkoutRecord } from './workout.builders';
import {
  createWorkoutRepo,
  type NewWorkout,
  type WorkoutChanges,
  type WorkoutRecord,
  type WorkoutStatus,
} from './workout.repo';

const openTraining = (target: DatabaseTarget) =>
  openContextDatabase({ context: 'training', target, createClient: createTrainingPrisma });

const athlete = uuidv7();
const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 6, minute));

describe.each(availableDatabaseKinds())('workout repository on %s', (kind) => {
  const db = useFixture(() => openTestContextDatabase(kind, 'training', createTrainingPrisma));
  const repo = () => createWorkoutRepo(db().client);

  const viewer = { userId: athlete, roles: [] };
  // Each write in one unit of work with its events, as the workout service writes them.
  const unitOfWork = () => inTransaction(db().client, trainingRepos);
  const insert = (w: { id: string; userId: string; sport: 'RIDE' | 'RUN' | 'HIKE'; startedAt: Date }) =>
    unitOfWork()(async ({ workouts, outbox }) => {
      const stored = await workouts.insert({ ...w, gearIds: [] });
      if (stored) await outbox.write(workoutEvent('training.workout.started', viewer)(stored));
      return stored;
    });
  const update = (
    id: string,
    from: WorkoutStatus,
    changes: WorkoutChanges,
    eventsFor: (w: WorkoutRecord) => EventEnvelope[],
  ) =>
    unitOfWork()(async ({ workouts, outbox }) => {
      const updated = await workouts.update(id, from, changes);
      if (updated) await outbox.write(eventsFor(updated));
      return updated;
    });
  const remove = (id: string, events: EventEnvelope[]) =>
    unitOfWork()(async ({ workouts, outbox }) => {
      const deleted = await workouts.delete(id);
      if (deleted) await outbox.write(events);
      return deleted;
    });
  const outboxTypes = async (aggregateId: string) =>
    (
      await db().client.outboxEvent.findMany({ where: { key: aggregateId }, orderBy: { sequence: 'asc' } })
    ).map((r) => r.type);

  it('stores a started workout with its event, and reads it back', async () => {
    const id = uuidv7();
    await insert({ id, userId: athlete, sport: 'RIDE', startedAt: at(0) });
    // The column defaults are the builder's: unit specs on fakes start from the same record.
    expect(await repo().findById(id)).toEqual(
      aWorkoutRecord({ id, userId: athlete, sport: 'RIDE', startedAt: at(0) }),
    );
    expect(await outboxTypes(id)).toEqual(['training.workout.started']);
  });

  it('finishes a workout only once, writing one completed event', async () => {
    const id = uuidv7();
    await insert({ id, userId: athlete, sport: 'RUN', startedAt: at(0) });
    const finish = {
      status: 'FINISHED' as const,
      finishedAt: at(30),
      elapsedSeconds: 1800,
      distanceMeters: 5000.5,
    };
    const completed = workoutEvent('training.workout.completed', viewer);
    expect(await update(id, 'IN_PROGRESS', finish, completed)).toMatchObject({
      status: 'FINISHED',
      elapsedSeconds: 1800,
      distanceMeters: 5000.5,
    });
    expect(await update(id, 'IN_PROGRESS', { ...finish, distanceMeters: 1 }, completed)).toBeNull();
    expect((await repo().findById(id))?.distanceMeters).toBe(5000.5);
    expect(await outboxTypes(id)).toEqual(['training.workout.started', 'training.workout.completed']);
  });

  it('deletes a workout with its deleted event', async () => {
    const id = uuidv7();
    const workout = (await insert({ id, userId: athlete, sport: 'RUN', startedAt: at(0) }))!;
    expect(await remove(id, workoutDeleted(viewer, workout, at(5)))).toBe(true);
    expect(await repo().findById(id)).toBeNull();
    expect(await remove(id, workoutDeleted(viewer, workout, at(6)))).toBe(false);
    expect(await outboxTypes(id)).toEqual(['training.workout.started', 'training.workout.deleted']);
  });

  it('pages through one athlete’s workouts newest first, ties broken by id, without gaps or repeats', async () => {
    const owner = uuidv7();
    const ids = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    // Two workouts share a start time: the keyset must still order them and not skip one.
    await insert({ id: ids[0]!, userId: owner, sport: 'RUN', startedAt: at(1) });
    await insert({ id: ids[1]!, userId: owner, sport: 'RUN', startedAt: at(2) });
    await insert({ id: ids[2]!, userId: owner, sport: 'RUN', startedAt: at(2) });
    await insert({ id: ids[3]!, userId: owner, sport: 'RUN', startedAt: at(3) });
    await insert({ id: uuidv7(), userId: uuidv7(), sport: 'RUN', startedAt: at(4) });

    const first = await repo().listByUser(owner, 2, null);
    const last = first.at(-1)!;
    const second = await repo().listByUser(owner, 2, { startedAt: last.startedAt, id: last.id });
    expect([...first, ...second].map((w) => w.id)).toEqual([ids[3], ids[2], ids[1], ids[0]]);
  });

  it('lists only an athlete’s finished PUBLIC workouts as public, newest first, by keyset', async () => {
    const owner = uuidv7();
    const add = (id: string, userId: string, minute: number, extra: Partial<NewWorkout>) =>
      repo().insert({ id, userId, sport: 'RUN', startedAt: at(minute), gearIds: [], ...extra });
    const finishedPublic = { status: 'FINISHED' as const, visibility: 'PUBLIC' as const, finishedAt: at(9) };
    const ids = [uuidv7(), uuidv7(), uuidv7()];
    await add(ids[0]!, owner, 1, finishedPublic);
    await add(ids[1]!, owner, 2, { ...finishedPublic, sport: 'RIDE' });
    await add(ids[2]!, owner, 3, finishedPublic);
    await add(uuidv7(), owner, 4, { visibility: 'PUBLIC' }); // still recording
    await add(uuidv7(), owner, 5, { status: 'FINISHED', finishedAt: at(9) }); // FOLLOWERS
    await add(uuidv7(), uuidv7(), 6, finishedPublic); // someone else's

    const first = await repo().listPublicByUser(owner, 2, null);
    const last = first.at(-1)!;
    const second = await repo().listPublicByUser(owner, 2, { startedAt: last.startedAt, id: last.id });
    expect([...first, ...second].map((w) => w.id)).toEqual([ids[2], ids[1], ids[0]]);
  });
});

describe('training database on PGlite with a data directory', () => {
  it('keeps workouts across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-pglite-'));
    const target: DatabaseTarget = { kind: 'pglite', dataDir: join(dir, 'pglite'), schema: 'training' };
    try {
      const first = await openTraining(target);
      const id = uuidv7();
      await createWorkoutRepo(first.client).insert({
        id,
        userId: athlete,
        sport: 'HIKE',
        startedAt: at(0),
        gearIds: [],
      });
      await first.close();

      const second = await openTraining(target);
      expect((await createWorkoutRepo(second.client).findById(id))?.sport).toBe('HIKE');
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Two fresh data directories migrated from scratch: slow on a busy machine.
  }, 180_000);
});
