import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { openContextDatabase, type ContextDatabase } from '../../../lib/db/context-database';
import type { DatabaseTarget } from '../../../lib/db/database-target';
import {
  availableDatabaseKinds,
  createTestDatabase,
  type TestDatabase,
} from '../../../lib/testing/test-databases';
import { createTrainingPrisma, type TrainingPrisma } from './training.prisma';
import { createWorkoutRepo, type WorkoutRepo } from './workout.repo';

const openTraining = (target: DatabaseTarget) =>
  openContextDatabase({ context: 'training', target, createClient: createTrainingPrisma });

const athlete = uuidv7();
const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 6, minute));

describe.each(availableDatabaseKinds())('workout repository on %s', (kind) => {
  let test: TestDatabase;
  let db: ContextDatabase<TrainingPrisma>;
  let repo: WorkoutRepo;

  beforeAll(async () => {
    test = createTestDatabase(kind, 'training');
    db = await openTraining(test.target);
    repo = createWorkoutRepo(db.client);
  });
  afterAll(async () => {
    await db.close();
    await test.cleanup();
  });

  it('stores a started workout and reads it back', async () => {
    const id = uuidv7();
    await repo.insert({ id, userId: athlete, sport: 'RIDE', startedAt: at(0) });
    expect(await repo.findById(id)).toEqual({
      id,
      userId: athlete,
      sport: 'RIDE',
      status: 'IN_PROGRESS',
      startedAt: at(0),
      finishedAt: null,
      elapsedSeconds: null,
      distanceMeters: null,
    });
  });

  it('finishes a workout only once', async () => {
    const id = uuidv7();
    await repo.insert({ id, userId: athlete, sport: 'RUN', startedAt: at(0) });
    const finish = { finishedAt: at(30), elapsedSeconds: 1800, distanceMeters: 5000.5 };
    expect(await repo.finish(id, finish)).toMatchObject({
      status: 'FINISHED',
      elapsedSeconds: 1800,
      distanceMeters: 5000.5,
    });
    expect(await repo.finish(id, { ...finish, distanceMeters: 1 })).toBeNull();
    expect((await repo.findById(id))?.distanceMeters).toBe(5000.5);
  });

  it('pages through one athlete’s workouts newest first, ties broken by id, without gaps or repeats', async () => {
    const owner = uuidv7();
    const ids = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    // Two workouts share a start time: the keyset must still order them and not skip one.
    await repo.insert({ id: ids[0]!, userId: owner, sport: 'RUN', startedAt: at(1) });
    await repo.insert({ id: ids[1]!, userId: owner, sport: 'RUN', startedAt: at(2) });
    await repo.insert({ id: ids[2]!, userId: owner, sport: 'RUN', startedAt: at(2) });
    await repo.insert({ id: ids[3]!, userId: owner, sport: 'RUN', startedAt: at(3) });
    await repo.insert({ id: uuidv7(), userId: uuidv7(), sport: 'RUN', startedAt: at(4) });

    const first = await repo.listByUser(owner, 2, null);
    const last = first.at(-1)!;
    const second = await repo.listByUser(owner, 2, { startedAt: last.startedAt, id: last.id });
    expect([...first, ...second].map((w) => w.id)).toEqual([ids[3], ids[2], ids[1], ids[0]]);
  });
});

describe('training database on PGlite with a data directory', () => {
  it('keeps workouts across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-pglite-'));
    const target: DatabaseTarget = { kind: 'pglite', dataDir: join(dir, 'training') };
    try {
      const first = await openTraining(target);
      const id = uuidv7();
      await createWorkoutRepo(first.client).insert({ id, userId: athlete, sport: 'HIKE', startedAt: at(0) });
      await first.close();

      const second = await openTraining(target);
      expect((await createWorkoutRepo(second.client).findById(id))?.sport).toBe('HIKE');
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
