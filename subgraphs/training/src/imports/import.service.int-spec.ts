import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../../lib/auth/viewer';
import { useFixture } from '../../../../lib/testing/fixture';
import { gpxFixture } from '../../../../lib/testing/gpx-fixtures';
import { availableDatabaseKinds, openTestContextDatabase } from '../../../../lib/testing/test-databases';
import { systemClock } from '../../../../lib/clock';
import { inTransaction } from '../../../../lib/db/unit-of-work';
import { createTrainingPrisma, type TrainingPrisma } from '../training.prisma';
import { trainingRepos, type TrainingRepos } from '../training.repos';
import { createImportService } from './import.service';

const drive = gpxFixture('around-visnjan-with-car.gpx');
/** A run whose watch claims 90 km in ten minutes: it parses, but no workout may hold it. */
const impossibleRun =
  Buffer.from(`<?xml version="1.0"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
  <Activities><Activity Sport="Running"><Id>2024-05-01T08:00:00Z</Id>
  <Lap StartTime="2024-05-01T08:00:00Z"><DistanceMeters>90000</DistanceMeters><Track>
  <Trackpoint><Time>2024-05-01T08:00:00Z</Time></Trackpoint>
  <Trackpoint><Time>2024-05-01T08:10:00Z</Time></Trackpoint>
  </Track></Lap></Activity></Activities></TrainingCenterDatabase>`);

/** The import service on a database; `importJobs` replaces the job repository's reads and writes outside transactions. */
const importsOn = (prisma: TrainingPrisma, importJobs?: TrainingRepos['importJobs']) => {
  const repos = trainingRepos(prisma);
  return createImportService({
    repos: { ...repos, importJobs: importJobs ?? repos.importJobs },
    inTransaction: inTransaction(prisma, trainingRepos),
    clock: systemClock,
    queued: () => undefined,
    published: () => undefined,
  });
};

describe.each(availableDatabaseKinds())('file imports on %s', (kind) => {
  const db = useFixture(() => openTestContextDatabase(kind, 'training', createTrainingPrisma), 'each');
  const ann: Viewer = { userId: uuidv7(), roles: ['ATHLETE'] };

  it('turns an accepted file into one workout, and answers CONFLICT for the same file before and after', async () => {
    const imports = importsOn(db().client);
    const job = await imports.accept(ann, { bytes: drive, fileName: 'drive.gpx' });
    expect(job).toMatchObject({ status: 'PENDING', format: 'GPX', fileName: 'drive.gpx' });
    await expect(imports.accept(ann, { bytes: drive })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { workoutId: job.workoutId },
    });

    expect(await imports.processNext()).toBe(true);
    expect(await imports.processNext()).toBe(false);
    expect(await imports.get(ann, job.id)).toMatchObject({ status: 'DONE', error: null });
    const workout = await db().client.workout.findUniqueOrThrow({ where: { id: job.workoutId } });
    expect(workout).toMatchObject({
      source: 'IMPORTED',
      status: 'FINISHED',
      sampleCount: 104,
      elapsedSeconds: 514,
    });
    expect(await db().client.telemetrySample.count({ where: { workoutId: job.workoutId } })).toBe(104);
    expect(await db().client.outboxEvent.count({ where: { key: job.workoutId } })).toBe(1);
    expect(
      await db().client.outboxEvent.findMany({ where: { key: job.id }, select: { type: true } }),
    ).toEqual([{ type: 'training.import.finished' }]);
    await expect(imports.accept(ann, { bytes: drive })).rejects.toMatchObject({
      details: { workoutId: job.workoutId },
    });
  });

  it('infers the sport of a file that names none from its speed, and marks the job and the workout', async () => {
    const imports = importsOn(db().client);
    const job = await imports.accept(ann, { bytes: gpxFixture('cerknicko-jezero.gpx') });
    expect(job).toMatchObject({
      sport: 'WALK',
      sportSource: 'INFERRED_FROM_SPEED',
      sportReason: expect.stringMatching(/its moving speed \(median 4\.4 km\/h, .*\) is a walk's\.$/),
    });
    await imports.processNext();
    expect(await imports.get(ann, job.id)).toMatchObject({
      status: 'DONE',
      sportSource: 'INFERRED_FROM_SPEED',
    });
    expect(await db().client.workout.findUniqueOrThrow({ where: { id: job.workoutId } })).toMatchObject({
      sport: 'WALK',
      sportSource: 'INFERRED_FROM_SPEED',
    });
  });

  it('takes the sport named at upload over the file and its speed: the athlete chose it', async () => {
    const imports = importsOn(db().client);
    const job = await imports.accept(ann, { bytes: gpxFixture('cerknicko-jezero.gpx'), sport: 'HIKE' });
    expect(job).toMatchObject({
      sport: 'HIKE',
      sportSource: 'ATHLETE',
      sportReason: 'You chose it at upload (sport=HIKE).',
    });
    await imports.processNext();
    expect(await db().client.workout.findUniqueOrThrow({ where: { id: job.workoutId } })).toMatchObject({
      sport: 'HIKE',
      sportSource: 'ATHLETE',
    });
  });

  it('keeps OTHER, unknown, for a drive the speed cannot call a ride', async () => {
    const job = await importsOn(db().client).accept(ann, { bytes: drive });
    expect(job).toMatchObject({ sport: 'OTHER', sportSource: 'UNKNOWN' });
  });

  it.each([
    ['0001-01-01T00:00:00Z', "The file's start lies before 1970-01-01T00:00:00Z"],
    ['2999-01-01T00:00:00Z', "The file's start lies more than a day in the future"],
  ])('refuses a file dated %s and stores nothing', async (time, message) => {
    const imports = importsOn(db().client);
    const gpx = `<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">
      <trk><trkseg><trkpt lat="45.1" lon="13.7"><time>${time}</time></trkpt></trkseg></trk></gpx>`;
    await expect(imports.accept(ann, { bytes: Buffer.from(gpx), fileName: 'old.gpx' })).rejects.toMatchObject(
      {
        code: 'BAD_USER_INPUT',
        details: { field: 'file' },
        message: expect.stringContaining(message),
      },
    );
    expect(await db().client.importJob.count()).toBe(0);
  });

  it('refuses a file whose device claims calories no workout may hold, and stores nothing', async () => {
    const imports = importsOn(db().client);
    const tcx = `<?xml version="1.0"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
      <Activities><Activity Sport="Running"><Id>2024-05-01T08:00:00Z</Id>
      <Lap StartTime="2024-05-01T08:00:00Z"><Calories>1000000000000</Calories><Track><Trackpoint>
      <Time>2024-05-01T08:00:00Z</Time></Trackpoint></Track></Lap></Activity></Activities></TrainingCenterDatabase>`;
    await expect(imports.accept(ann, { bytes: Buffer.from(tcx), fileName: 'x.tcx' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'The file gives calories of 1000000000000 kcal, outside 0 to 20000 kcal.',
    });
    expect(await db().client.importJob.count()).toBe(0);
  });

  it.each([
    ['a NUL in the file name', { fileName: 'run\u0000.gpx' }, 'fileName'],
    ['a file name of 256 characters', { fileName: `${'r'.repeat(252)}.gpx` }, 'fileName'],
  ])('refuses %s, naming it, and stores nothing', async (_what, upload, field) => {
    const imports = importsOn(db().client);
    await expect(imports.accept(ann, { bytes: drive, ...upload })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field },
    });
    expect(await db().client.importJob.count()).toBe(0);
  });

  it('refuses a file whose device name holds a NUL, which PostgreSQL cannot store', async () => {
    const imports = importsOn(db().client);
    const gpx = `<?xml version="1.0"?><gpx version="1.1" creator="watch\u0000" xmlns="http://www.topografix.com/GPX/1/1">
      <trk><trkseg><trkpt lat="45.1" lon="13.7"><time>2024-05-01T08:00:00Z</time></trkpt></trkseg></trk></gpx>`;
    const refusal = imports.accept(ann, { bytes: Buffer.from(gpx) });
    await expect(refusal).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'file' } });
  });

  it('reads at most two uploads of one athlete at a time; a third answers RATE_LIMITED', async () => {
    const imports = importsOn(db().client);
    const files = ['around-visnjan-with-car.gpx', 'cerknicko-jezero.gpx', 'korita-zbevnica.gpx'];
    const outcomes = await Promise.allSettled(
      files.map((name) => imports.accept(ann, { bytes: gpxFixture(name), fileName: name })),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAfterSeconds: 5 },
    });
    // Once those are read, the next one goes through.
    await expect(imports.accept(ann, { bytes: gpxFixture(files[2]!) })).resolves.toMatchObject({
      status: 'PENDING',
    });
  });

  it('stores each pending job once when two workers race for it', async () => {
    const job = await importsOn(db().client).accept(ann, { bytes: drive });
    const results = await Promise.all([
      importsOn(db().client).processNext(),
      importsOn(db().client).processNext(),
    ]);
    // The second worker found the job too (and stored nothing more), or, on a busy machine, found it
    // finished already and nothing pending: either way the job ran once.
    expect(results).toContain(true);
    expect(await db().client.workout.count({ where: { id: job.workoutId } })).toBe(1);
    expect(await db().client.telemetrySample.count({ where: { workoutId: job.workoutId } })).toBe(104);
    expect(await db().client.outboxEvent.count({ where: { key: job.id } })).toBe(1);
  });

  it('fails a job whose file cannot become a workout once, announcing it, when two workers race for it', async () => {
    const job = await importsOn(db().client).accept(ann, { bytes: impossibleRun, fileName: 'run.tcx' });
    await Promise.all([importsOn(db().client).processNext(), importsOn(db().client).processNext()]);
    const failed = await importsOn(db().client).get(ann, job.id);
    expect(failed).toMatchObject({ status: 'FAILED', error: expect.stringContaining('faster than') });
    const announced = await db().client.outboxEvent.findMany({ where: { key: job.id } });
    expect(announced).toEqual([expect.objectContaining({ type: 'training.import.failed' })]);
    expect(announced[0]!.payload).toMatchObject({
      data: { userId: ann.userId, importId: job.id, fileName: 'run.tcx', reason: failed.error },
    });
  });

  it('fails a job whose activity was stored meanwhile, keeping nothing of it, and lets the file be sent again', async () => {
    const imports = importsOn(db().client);
    const job = await imports.accept(ann, { bytes: drive });
    // Another way in (an older instance, a restore) stored the same activity after the upload was accepted.
    const { device, startedAt } = await db().client.importJob.findUniqueOrThrow({ where: { id: job.id } });
    const other = await db().client.workout.create({
      data: { id: uuidv7(), userId: ann.userId, sport: 'OTHER', startedAt: startedAt!, device },
    });
    expect(await imports.processNext()).toBe(true);
    expect(await imports.get(ann, job.id)).toMatchObject({
      status: 'FAILED',
      error: 'This activity was imported already.',
    });
    expect(await db().client.workout.count({ where: { id: job.workoutId } })).toBe(0);
    expect(await db().client.telemetrySample.count({ where: { workoutId: job.workoutId } })).toBe(0);
    expect(
      await db().client.outboxEvent.findMany({ where: { key: job.id }, select: { type: true } }),
    ).toEqual([{ type: 'training.import.failed' }]);

    await db().client.workout.delete({ where: { id: other.id } });
    expect(await imports.accept(ann, { bytes: drive })).toMatchObject({ status: 'PENDING' });
  });

  it("answers CONFLICT when the first upload becomes its workout between the second upload's two checks", async () => {
    const first = await importsOn(db().client).accept(ann, { bytes: drive });
    const jobs = trainingRepos(db().client).importJobs;
    // The worker stores the first upload's workout right after the second upload found no workout, and
    // before it stores its own job (whose pending key is then free again).
    const racing = importsOn(db().client, {
      ...jobs,
      create: async (job) => {
        await importsOn(db().client).processNext();
        return jobs.create(job);
      },
    });
    await expect(racing.accept(ann, { bytes: drive })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { workoutId: first.workoutId },
    });
    expect(await db().client.importJob.count({ where: { userId: ann.userId } })).toBe(1);
  });

  it('answers CONFLICT when the pending job of the same activity is stored while the second upload reads it', async () => {
    const first = await importsOn(db().client).accept(ann, { bytes: drive });
    const jobs = trainingRepos(db().client).importJobs;
    // The second upload's insert meets the first job's pending key; the worker stores the first job before
    // that job can be read back, so the repository finds no pending job of that key.
    const racing = importsOn(db().client, {
      ...jobs,
      create: async () => {
        await importsOn(db().client).processNext();
        return { created: false, job: null };
      },
    });
    await expect(racing.accept(ann, { bytes: drive })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { workoutId: first.workoutId },
    });
    expect(await db().client.importJob.findMany({ where: { userId: ann.userId } })).toEqual([
      expect.objectContaining({ id: first.id, status: 'DONE' }),
    ]);
  });

  it("keeps imports private: another athlete's import is not found", async () => {
    const imports = importsOn(db().client);
    const job = await imports.accept(ann, { bytes: drive });
    await expect(imports.get({ userId: uuidv7(), roles: ['ATHLETE'] }, job.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
