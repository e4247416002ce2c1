import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  FinishAtDocument,
  MyWorkoutsDocument,
  RecordTelemetryDocument,
  StartWithIdDocument,
  WorkoutSamplesDocument,
} from './__generated__/operations';
import { anAthlete } from './support/athletes';
import { errorCodes, useTestPlatform } from './support/test-platform';

const pulse = useTestPlatform();

const T0 = Date.UTC(2026, 10, 20, 6, 0, 0);
const columns = (batchId: string, from: number, count: number) => ({
  batchId,
  sequence: Array.from({ length: count }, (_, i) => from + i),
  time: Array.from({ length: count }, (_, i) => T0 + (from + i) * 1000),
  latitude: Array.from({ length: count }, (_, i) => 45.1 + (from + i) * 0.0001),
  longitude: Array.from({ length: count }, () => 13.6),
  heartRate: Array.from({ length: count }, () => 140),
});

describe('telemetry ingestion and offline sync through the gateway', () => {
  it('stores a re-sent or overlapping batch once, and accepts batches out of order', async () => {
    const { accessToken: token } = await anAthlete(pulse());
    const workoutId = (
      await pulse().send(StartWithIdDocument, { sport: 'RUN', startedAt: '2026-11-20T06:00:00Z' }, token)
    ).data!.startWorkout.id;
    const record = (batchId: string, from: number, count: number) =>
      pulse().send(RecordTelemetryDocument, { workoutId, batch: columns(batchId, from, count) }, token);
    const second = await record('b2', 100, 100);
    const first = await record('b1', 0, 100);
    const resent = await record('b1', 0, 100);
    const overlapping = await record('b3', 150, 100);
    expect([second, first, resent, overlapping].map((r) => r.data!.recordTelemetry)).toEqual([
      { workoutId, batchId: 'b2', accepted: 100, duplicates: 0, sampleCount: 100 },
      { workoutId, batchId: 'b1', accepted: 100, duplicates: 0, sampleCount: 200 },
      { workoutId, batchId: 'b1', accepted: 0, duplicates: 100, sampleCount: 200 },
      { workoutId, batchId: 'b3', accepted: 50, duplicates: 50, sampleCount: 250 },
    ]);
  });

  it('takes large batches as gzipped NDJSON on the gateway port, with the same token', async () => {
    const { accessToken: token } = await anAthlete(pulse());
    const workoutId = (await pulse().send(StartWithIdDocument, { sport: 'RIDE' }, token)).data!.startWorkout
      .id;
    const lines = Array.from({ length: 5000 }, (_, i) =>
      JSON.stringify({ seq: i, t: T0 + i * 1000, lat: 45 + i * 1e-5, lon: 13.6, pow: 210 }),
    );
    const post = (body: Buffer, headers: Record<string, string>) =>
      fetch(`${pulse().gatewayOrigin}/telemetry/workouts/${workoutId}/batches/big-1`, {
        method: 'POST',
        body: new Uint8Array(body),
        headers,
      });

    const anonymous = await post(Buffer.from(lines[0]!), { 'content-type': 'application/x-ndjson' });
    expect(anonymous.status).toBe(401);
    const response = await post(gzipSync(lines.join('\n')), {
      'content-type': 'application/x-ndjson',
      'content-encoding': 'gzip',
      authorization: `Bearer ${token}`,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      workoutId,
      batchId: 'big-1',
      accepted: 5000,
      duplicates: 0,
      sampleCount: 5000,
    });

    const malformed = await post(Buffer.from('{"seq":0,"t":1}\nnot json'), {
      'content-type': 'application/x-ndjson',
      authorization: `Bearer ${token}`,
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({
      errors: [{ message: 'Line 2 is not JSON.', extensions: { code: 'BAD_USER_INPUT', field: 'body' } }],
    });
    expect(
      (await pulse().send(WorkoutSamplesDocument, { id: workoutId }, token)).data!.workout!.sampleCount,
    ).toBe(5000);
  });

  it('turns an offline recording uploaded twice into one workout', async () => {
    const { accessToken: token } = await anAthlete(pulse());
    const id = randomUUID();
    const upload = async () => {
      const started = await pulse().send(
        StartWithIdDocument,
        { id, sport: 'RUN', startedAt: '2026-11-20T06:00:00.000Z' },
        token,
      );
      const batch = await pulse().send(
        RecordTelemetryDocument,
        { workoutId: id, batch: columns('offline-1', 0, 60) },
        token,
      );
      const finished = await pulse().send(
        FinishAtDocument,
        { id, finishedAt: '2026-11-20T06:01:00.000Z', distanceMeters: 200 },
        token,
      );
      return [
        started.data!.startWorkout.id,
        batch.data!.recordTelemetry.sampleCount,
        finished.data!.finishWorkout.status,
      ];
    };
    expect(await upload()).toEqual([id, 60, 'FINISHED']);
    expect(await upload()).toEqual([id, 60, 'FINISHED']);
    expect(
      (await pulse().send(MyWorkoutsDocument, { first: 10 }, token)).data!.myWorkouts.edges.map(
        (e) => e.node.id,
      ),
    ).toEqual([id]);

    const stranger = await anAthlete(pulse());
    expect(
      errorCodes(await pulse().send(StartWithIdDocument, { id, sport: 'RUN' }, stranger.accessToken)),
    ).toEqual(['CONFLICT']);
  });
});
