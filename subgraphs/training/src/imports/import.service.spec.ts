import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../../lib/auth/viewer';
import { fixedClock } from '../../../../lib/clock';
import { gpxFixture } from '../../../../lib/testing/gpx-fixtures';
import { fakeTrainingRepos, fakeTransaction } from '../training.fakes';
import { createImportService } from './import.service';

const NOW = new Date('2026-11-20T08:00:00Z');
const ann: Viewer = { userId: uuidv7(), roles: ['ATHLETE'] };
const drive = gpxFixture('around-visnjan-with-car.gpx');
/** A run whose watch claims 90 km in ten minutes: it parses, but no workout may hold it. */
const impossibleRun =
  Buffer.from(`<?xml version="1.0"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
  <Activities><Activity Sport="Running"><Id>2024-05-01T08:00:00Z</Id>
  <Lap StartTime="2024-05-01T08:00:00Z"><DistanceMeters>90000</DistanceMeters><Track>
  <Trackpoint><Time>2024-05-01T08:00:00Z</Time></Trackpoint>
  <Trackpoint><Time>2024-05-01T08:10:00Z</Time></Trackpoint>
  </Track></Lap></Activity></Activities></TrainingCenterDatabase>`);

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
  it('turns the pending job into a finished workout with its samples and completed event, and announces it', async () => {
    const { imports, repos, calls } = newTestImports();
    const job = await imports.accept(ann, { bytes: drive, fileName: 'drive.gpx' });
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
      ['training.import.finished', job.id],
    ]);
    expect(repos.outbox.events[1]).toMatchObject({
      key: job.id,
      actorId: ann.userId,
      data: {
        userId: ann.userId,
        importId: job.id,
        workoutId: job.workoutId,
        fileName: 'drive.gpx',
        sport: 'OTHER',
        finishedAt: NOW.toISOString(),
      },
    });
    expect(await imports.get(ann, job.id)).toMatchObject({ status: 'DONE' });
    expect(calls.published).toBe(1);
  });

  it('fails a job whose file cannot become a workout, announcing why once', async () => {
    const { imports, repos, calls } = newTestImports();
    const job = await imports.accept(ann, { bytes: impossibleRun, fileName: 'run.tcx' });
    expect(await imports.processNext()).toBe(true);
    expect(await imports.processNext()).toBe(false);

    const failed = await imports.get(ann, job.id);
    expect(failed).toMatchObject({ status: 'FAILED', error: expect.stringContaining('faster than') });
    expect(await repos.workouts.findById(job.workoutId)).toBeNull();
    expect(repos.outbox.events.map((e) => [e.type, e.key, e.data])).toEqual([
      [
        'training.import.failed',
        job.id,
        {
          userId: ann.userId,
          importId: job.id,
          fileName: 'run.tcx',
          reason: failed.error,
          failedAt: NOW.toISOString(),
        },
      ],
    ]);
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
    expect(repos.outbox.events.map((e) => [e.type, e.data])).toEqual([
      [
        'training.import.failed',
        expect.objectContaining({ importId: job.id, reason: 'This activity was imported already.' }),
      ],
    ]);
    expect(calls.published).toBe(1);
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
