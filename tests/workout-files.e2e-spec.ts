import { gzipSync } from 'node:zlib';
import { eventually } from '../lib/testing/eventually';
import { gpxFixture } from '../lib/testing/gpx-fixtures';
import { ImportStatusDocument, MyImportsDocument, WorkoutFiguresDocument } from './__generated__/operations';
import { anAthlete } from './support/athletes';
import { useTestPlatform } from './support/test-platform';
import { METRES_PER_DEGREE } from './support/tracks';

const pulse = useTestPlatform();

const fixture = gpxFixture;

async function upload(token: string, body: Buffer, query = '') {
  const response = await fetch(`${pulse().gatewayOrigin}/imports${query}`, {
    method: 'POST',
    body: new Uint8Array(body),
    headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: (await response.json()) as { importId: string; errors?: unknown } };
}

async function importedWorkout(token: string, importId: string) {
  let workoutId = '';
  await eventually(async () => {
    const job = (await pulse().send(ImportStatusDocument, { id: importId }, token)).data!.importJob!;
    expect(job.status).toBe('DONE');
    workoutId = job.workoutId;
  });
  return (await pulse().send(WorkoutFiguresDocument, { id: workoutId }, token)).data!.workout!;
}

describe('file import and export through the gateway port', () => {
  it('imports a GPX walk with the reference distance, refuses it a second time, and exports it', async () => {
    const { accessToken: token } = await anAthlete(pulse());
    const file = fixture('cerknicko-jezero.gpx');

    // The file names no sport and has a stretch at 30 km/h in it: named OTHER at upload (a walk, as its
    // speed suggests, would leave that stretch out), every point counts towards the reference distance.
    const accepted = await upload(token, gzipSync(file), '?fileName=cerknicko-jezero.gpx.gz&sport=OTHER');
    expect(accepted.status).toBe(202);
    const workout = await importedWorkout(token, accepted.body.importId);
    expect(workout).toMatchObject({
      source: 'IMPORTED',
      sport: 'OTHER',
      status: 'FINISHED',
      sampleCount: 296,
    });
    // The fixture's reference: 4 580.1 m (haversine 2D within segments), 7 190 s first to last point.
    expect(Math.abs(workout.distanceMeters! - 4580.1) / 4580.1).toBeLessThan(0.005);
    expect(workout.elapsedSeconds).toBe(7190);
    expect(workout.metrics!.elevationGainMeters).toBeGreaterThan(0);

    const again = await upload(token, file);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      errors: [{ extensions: { code: 'CONFLICT', workoutId: workout.id } }],
    });

    const exported = await fetch(`${pulse().gatewayOrigin}/exports/workouts/${workout.id}.gpx`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('application/gpx+xml');
    const gpx = await exported.text();
    expect(gpx.match(/<trkpt /g)).toHaveLength(296);
  });

  it('imports a file without timestamps with distance but no time-based figures', async () => {
    const { accessToken: token } = await anAthlete(pulse());
    const accepted = await upload(token, fixture('track-with-extremes.gpx'), '?sport=RUN');
    expect(accepted.status).toBe(202);
    const workout = await importedWorkout(token, accepted.body.importId);
    expect(workout.sport).toBe('RUN');
    expect(Math.abs(workout.distanceMeters! - 2206.0) / 2206.0).toBeLessThan(0.005);
    expect(workout).toMatchObject({ elapsedSeconds: null, movingSeconds: null });
  });

  it('imports an Apple Health workout with its route, heart rate and the calories the watch counted', async () => {
    const { accessToken: token } = await anAthlete(pulse());
    const at = (second: number) => new Date(Date.UTC(2026, 10, 19, 17, 0, second)).toISOString();
    const health = {
      workout: {
        workoutActivityType: 'HKWorkoutActivityTypeRunning',
        startDate: at(0),
        endDate: at(299),
        totalEnergyBurned: { value: 100, unit: 'kcal' },
        sourceRevision: { source: { name: 'Workout', bundleIdentifier: 'com.apple.health' } },
        device: { name: 'Apple Watch', model: 'Watch', localIdentifier: 'W1' },
      },
      // 300 fixes at 1 Hz, 3 m/s due north.
      route: Array.from({ length: 300 }, (_, second) => ({
        latitude: 46 + (3 * second) / METRES_PER_DEGREE,
        longitude: 14.5,
        altitude: 300,
        timestamp: at(second),
      })),
      heartRate: Array.from({ length: 60 }, (_, i) => ({ startDate: at(i * 5), quantity: 140 })),
    };
    const accepted = await upload(token, Buffer.from(JSON.stringify(health)));
    expect(accepted.status).toBe(202);
    const workout = await importedWorkout(token, accepted.body.importId);
    expect(workout).toMatchObject({
      sport: 'RUN',
      calories: 100,
      elapsedSeconds: 299,
      device: 'com.apple.health/W1',
    });
    expect(workout.distanceMeters).toBeCloseTo(897, 0);
    expect(workout.metrics).toMatchObject({ caloriesSource: 'DEVICE', heartRate: { average: 140 } });
  });

  it('answers a malformed file with a clear error and stores nothing', async () => {
    const { accessToken: token } = await anAthlete(pulse());
    const broken = await upload(token, Buffer.from('<gpx version="1.1"><trk><trkseg><trkpt lat="45"'));
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    const unknown = await upload(token, Buffer.from('hello'));
    expect(unknown.status).toBe(400);
    expect((await pulse().send(MyImportsDocument, {}, token)).data!.myImports).toEqual([]);

    const anonymous = await fetch(`${pulse().gatewayOrigin}/imports`, { method: 'POST', body: 'x' });
    expect(anonymous.status).toBe(401);
  });

  it('exports only your own workouts', async () => {
    const { accessToken: token } = await anAthlete(pulse());
    const { accessToken: other } = await anAthlete(pulse(), 'Other');
    const accepted = await upload(token, fixture('around-visnjan-with-car.gpx'));
    const workout = await importedWorkout(token, accepted.body.importId);
    const response = await fetch(`${pulse().gatewayOrigin}/exports/workouts/${workout.id}.gpx`, {
      headers: { authorization: `Bearer ${other}` },
    });
    expect(response.status).toBe(404);
  });
});
