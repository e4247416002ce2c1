import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../../lib/auth/viewer';
import { fixedClock } from '../../../../lib/clock';
import { gpxFixture } from '../../../../lib/testing/gpx-fixtures';
import { fakeTrainingRepos, fakeTransaction } from '../training.fakes';
import { createImportService } from './import.service';

const NOW = new Date('2026-11-20T08:00:00Z');
const ann: Viewer = { userId: uuidv7(), roles: ['ATHLETE'] };
const drive = gpxFixture('around-visnjan-with-car.gpx');

function newTestImports() {
  const repos = fakeTrainingRepos({ now: () => NOW });
  const calls = { queued: 0, published: 0 };
  const imports = createImportService({
    repos,
    inTransaction: fakeTransaction(repos),
    clock: fixedClock(NOW),
    queued: () => void (calls.queued += 1),
    published: () => void (calls.published += 1),
  });
  return { imports, repos, calls };
}

describe('accept', () => {
  it('stores a pending job for a new activity and wakes the worker', async () => {
    const { imports, repos, calls } = newTestImports();
    const job = await imports.accept(ann, { bytes: drive, fileName: 'drive.gpx' });
    expect(job).toMatchObject({
      status: 'PENDING',
      format: 'GPX',
      fileName: 'drive.gpx',
      userId: ann.userId,
    });
    expect(repos.importJobs.rows).toHaveLength(1);
    expect(calls.queued).toBe(1);
  });

  it('answers CONFLICT with the workout id for an activity waiting or imported already', async () => {
    const { imports } = newTestImports();
    const job = await imports.accept(ann, { bytes: drive });
    await expect(imports.accept(ann, { bytes: drive })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { workoutId: job.workoutId },
    });
    await imports.processNext();
    await expect(imports.accept(ann, { bytes: drive })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { workoutId: job.workoutId },
    });
  });

  it('refuses a sport Pulse does not know, storing nothing', async () => {
    const { imports, repos } = newTestImports();
    await expect(imports.accept(ann, { bytes: drive, sport: 'QUIDDITCH' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'sport' },
    });
    expect(repos.importJobs.rows).toEqual([]);
  });
});

describe('processNext', () => {
  it('turns the pending job into a finished workout with its samples and completed event', async () => {
    const { imports, repos, calls } = newTestImports();
    const job = await imports.accept(ann, { bytes: drive });
    expect(await imports.processNext()).toBe(true);
    expect(await imports.processNext()).toBe(false);

    expect(await repos.workouts.findById(job.workoutId)).toMatchObject({
      source: 'IMPORTED',
      status: 'FINISHED',
      sampleCount: 104,
    });
    expect(repos.samples.stored.get(job.workoutId)).toHaveLength(104);
    expect(repos.outbox.events.map((e) => [e.type, e.aggregateId])).toEqual([
      ['training.workout.completed', job.workoutId],
    ]);
    expect(await imports.get(ann, job.id)).toMatchObject({ status: 'DONE' });
    expect(calls.published).toBe(1);
  });

  it('fails a job whose activity was stored meanwhile by another way in, storing nothing of it', async () => {
    const { imports, repos, calls } = newTestImports();
    const job = await imports.accept(ann, { bytes: drive });
    const { activity } = (await repos.importJobs.oldestPending())!;
    await repos.workouts.insert({
      id: uuidv7(),
      userId: ann.userId,
      sport: 'OTHER',
      startedAt: new Date(activity.startedAt!),
      device: activity.device,
      gearIds: [],
    });
    expect(await imports.processNext()).toBe(true);
    expect(await imports.get(ann, job.id)).toMatchObject({
      status: 'FAILED',
      error: 'This activity was imported already.',
    });
    expect(await repos.workouts.findById(job.workoutId)).toBeNull();
    expect(repos.outbox.events).toEqual([]);
    expect(calls.published).toBe(0);
  });
});

describe('get', () => {
  it("reports another athlete's import as missing", async () => {
    const { imports } = newTestImports();
    const job = await imports.accept(ann, { bytes: drive });
    await expect(imports.get({ userId: uuidv7(), roles: ['ATHLETE'] }, job.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
