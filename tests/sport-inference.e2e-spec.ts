import { eventually } from '../lib/testing/eventually';
import { gpxFixture } from '../lib/testing/gpx-fixtures';
import {
  CorrectSportDocument,
  ImportedSportDocument,
  MyRecordsDocument,
  WorkoutSportDocument,
} from './__generated__/operations';
import { anAthlete } from './support/athletes';
import { useTestPlatform } from './support/test-platform';

const pulse = useTestPlatform();

// A walk around a lake in 8 tracks named "ACTIVE LOG": no sport anywhere in the file.
const walk = gpxFixture('cerknicko-jezero.gpx');

async function imported(token: string, body: Buffer, query = '') {
  const response = await fetch(`${pulse().gatewayOrigin}/imports${query}`, {
    method: 'POST',
    body: new Uint8Array(body),
    headers: { 'content-type': 'application/gpx+xml', authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(202);
  const { importId } = (await response.json()) as { importId: string };
  let job: NonNullable<Awaited<ReturnType<typeof importJob>>> | null = null;
  await eventually(async () => {
    job = await importJob(token, importId);
    expect(job?.status).toBe('DONE');
  });
  return job!;
}

const importJob = async (token: string, id: string) =>
  (await pulse().send(ImportedSportDocument, { id }, token)).data?.importJob ?? null;

/** The figures that depend on the sport. */
const figuresOf = (workout: {
  distanceMeters?: number | null;
  movingSeconds?: number | null;
  metrics?: { bestEfforts: unknown[]; splits: unknown[] } | null;
}) => ({
  distanceMeters: workout.distanceMeters,
  movingSeconds: workout.movingSeconds,
  bestEfforts: workout.metrics?.bestEfforts,
  splits: workout.metrics?.splits,
});

describe('the sport of an imported file that names none', () => {
  it('is inferred from its speed and marked so; the athlete corrects it, the figures follow', async () => {
    const { accessToken: ann } = await anAthlete(pulse());
    const job = await imported(ann, walk, '?fileName=morning.gpx');
    expect(job).toMatchObject({
      sport: 'WALK',
      sportSource: 'INFERRED_FROM_SPEED',
      workout: { sport: 'WALK', sportSource: 'INFERRED_FROM_SPEED' },
    });
    expect(job.sportReason).toMatch(
      /^The file names no sport we know \(<trk><name> "ACTIVE LOG"\); its moving speed \(median 4\.4 km\/h, .*\) is a walk's\.$/,
    );
    // As OTHER, a stretch at 30 km/h made a 400 m best effort of 25 s; a walk leaves it out.
    const walked = job.workout!;
    expect(walked.metrics!.bestEfforts.find((effort) => effort.name === '400m')!.seconds).toBeGreaterThan(
      100,
    );

    // The athlete says it was a run: the mark clears and the figures are those of a run.
    const { data, errors } = await pulse().send(CorrectSportDocument, { id: walked.id, sport: 'RUN' }, ann);
    expect(errors).toBeUndefined();
    const corrected = data!.updateWorkout;
    expect(corrected).toMatchObject({ id: walked.id, sport: 'RUN', sportSource: 'ATHLETE' });
    expect(figuresOf(corrected)).not.toEqual(figuresOf(walked));

    // Exactly the figures of the same file imported as a run from the start, by another athlete.
    const { accessToken: bob } = await anAthlete(pulse(), 'Bob');
    const asRun = await imported(bob, walk, '?sport=RUN');
    expect(asRun).toMatchObject({
      sport: 'RUN',
      sportSource: 'ATHLETE',
      sportReason: 'You chose it at upload (sport=RUN).',
      workout: { sport: 'RUN', sportSource: 'ATHLETE' },
    });
    expect(figuresOf(corrected)).toEqual(figuresOf(asRun.workout!));

    // The import keeps what it chose; the workout and the records follow the athlete.
    expect(await importJob(ann, job.id)).toMatchObject({
      sport: 'WALK',
      sportSource: 'INFERRED_FROM_SPEED',
      workout: { sport: 'RUN', sportSource: 'ATHLETE' },
    });
    const records = (await pulse().send(MyRecordsDocument, { sport: 'RUN' }, ann)).data!.me!.personalRecords;
    expect(records.find((record) => record.kind === '400m')).toMatchObject({
      seconds: corrected.metrics!.bestEfforts.find((effort) => effort.name === '400m')!.seconds,
      workout: { id: walked.id },
    });
  });

  it("confirming the inferred sport makes it the athlete's", async () => {
    const { accessToken: ann } = await anAthlete(pulse());
    const job = await imported(ann, walk);
    const id = job.workout!.id;
    await pulse().send(CorrectSportDocument, { id, sport: 'WALK' }, ann);
    expect((await pulse().send(WorkoutSportDocument, { id }, ann)).data!.workout).toEqual({
      id,
      sport: 'WALK',
      sportSource: 'ATHLETE',
    });
  });

  it("takes the sport from the file's words before its speed", async () => {
    const { accessToken: ann } = await anAthlete(pulse());
    const named = Buffer.from(
      walk.toString('utf8').replace('<name>ACTIVE LOG</name>', '<name>Evening Hike</name>'),
    );
    expect(await imported(ann, named)).toMatchObject({
      sport: 'HIKE',
      sportSource: 'FILE',
      sportReason: 'The file\'s words name it: <trk><name> "Evening Hike" ("hike").',
      workout: { sport: 'HIKE', sportSource: 'FILE' },
    });
  });

  it('keeps OTHER, unknown, when the speed is not a walk, a run or a ride', async () => {
    const { accessToken: ann } = await anAthlete(pulse());
    const job = await imported(ann, gpxFixture('around-visnjan-with-car.gpx'));
    expect(job).toMatchObject({
      sport: 'OTHER',
      sportSource: 'UNKNOWN',
      workout: { sportSource: 'UNKNOWN' },
    });
    expect(job.sportReason).toMatch(/a vehicle's rather than a ride's\.$/);
  });
});
