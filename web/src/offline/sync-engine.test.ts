import { afterEach, describe, expect, it } from 'vitest';
import type { Sample } from './device-figures';
import { createOutbox, type Outbox, type TelemetryBatch } from './outbox';
import { createSyncEngine, type ServerStatus, type SyncTransport } from './sync-engine';

const START = Date.parse('2026-12-04T08:00:00Z');
const samples = (from: number, count: number): Sample[] =>
  Array.from({ length: count }, (_, i) => ({
    time: START + (from + i) * 1000,
    latitude: 45 + (from + i) * 0.0001,
    longitude: 13,
    altitude: null,
    heartRate: null,
    cadence: null,
    power: null,
    speed: null,
  }));

const offline = () => new TypeError('Failed to fetch');
const refused = (code: string, message = code) => ({ errors: [{ message, extensions: { code } }] });

/** A server keeping workouts as the real one does: idempotent start and batches, CONFLICT on a second finish. */
class FakeServer implements SyncTransport {
  workouts = new Map<string, { status: ServerStatus; samples: Set<number>; batches: Set<string> }>();
  calls: string[] = [];
  /** Failures to answer before the next calls succeed (thrown in order, one per call). */
  failures: unknown[] = [];
  /** Calls (by name) that succeed on the server once with their answer lost on the way. */
  loseAnswerOf = new Set<string>();

  private async call<T>(name: string, apply: () => T): Promise<T> {
    this.calls.push(name);
    const failure = this.failures.shift();
    if (failure) throw failure;
    const result = apply();
    if (this.loseAnswerOf.delete(name)) throw offline();
    return result;
  }

  private workout(id: string) {
    const workout = this.workouts.get(id);
    if (!workout) throw refused('NOT_FOUND');
    return workout;
  }

  startWorkout({ workoutId }: { workoutId: string }) {
    return this.call(`start`, () => {
      if (!this.workouts.has(workoutId))
        this.workouts.set(workoutId, { status: 'IN_PROGRESS', samples: new Set(), batches: new Set() });
    });
  }
  recordTelemetry(workoutId: string, batch: TelemetryBatch) {
    return this.call(`batch ${batch.batchId.split(':')[1]}`, () => {
      const workout = this.workout(workoutId);
      workout.batches.add(batch.batchId);
      for (const sequence of batch.sequence) workout.samples.add(sequence);
      return { sampleCount: workout.samples.size };
    });
  }
  pauseWorkout(id: string) {
    return this.call('pause', () => this.transition(id, 'IN_PROGRESS', 'PAUSED'));
  }
  resumeWorkout(id: string) {
    return this.call('resume', () => this.transition(id, 'PAUSED', 'IN_PROGRESS'));
  }
  finishWorkout(id: string) {
    return this.call('finish', () => {
      const workout = this.workout(id);
      if (workout.status === 'FINISHED') throw refused('CONFLICT', 'already finished');
      workout.status = 'FINISHED';
    });
  }
  discardWorkout(id: string) {
    return this.call('discard', () => {
      this.workout(id);
      this.workouts.delete(id);
    });
  }
  async workoutStatus(id: string) {
    return this.workouts.get(id)?.status ?? null;
  }
  private transition(id: string, from: ServerStatus, to: ServerStatus) {
    const workout = this.workout(id);
    if (workout.status !== from) throw refused('CONFLICT');
    workout.status = to;
  }
}

let box: Outbox;
let n = 0;
const retries: (() => void)[] = [];

function setUp(server: FakeServer) {
  box = createOutbox(`sync-test-${++n}`);
  const engine = createSyncEngine({
    outbox: box,
    transport: server,
    currentUserId: () => 'ann',
    // Retries run when the test says so: no real waiting.
    timers: {
      setTimeout: (callback) => retries.push(callback),
      clearTimeout: () => undefined,
    },
  });
  const record = async (id: string, count: number) => {
    await box.begin({ workoutId: id, userId: 'ann', sport: 'RUN', source: 'GPX', startedAt: START });
    await box.append(id, samples(0, count));
    await box.finish(id, START + count * 1000);
  };
  return { engine, record };
}

async function retryUntilIdle(engine: ReturnType<typeof createSyncEngine>) {
  await engine.syncNow();
  while (retries.length > 0) {
    retries.shift()!();
    await engine.syncNow();
  }
}

afterEach(async () => {
  retries.length = 0;
  await box?.close();
});

describe('the sync engine', () => {
  it('sends start, batches in order and the finish last, retrying each until acknowledged, then empties the outbox', async () => {
    const server = new FakeServer();
    const { engine, record } = setUp(server);
    await record('w1', 25);
    server.failures = [offline(), undefined, offline(), offline(), undefined, undefined, offline()];

    await retryUntilIdle(engine);

    expect(server.calls).toEqual([
      'start',
      'start',
      'batch 0',
      'batch 0',
      'batch 0',
      'batch 1',
      'batch 2',
      'batch 2',
      'finish',
    ]);
    expect(server.workouts.get('w1')).toMatchObject({ status: 'FINISHED' });
    expect(server.workouts.get('w1')!.samples.size).toBe(25);
    expect(await box.recordings('ann')).toEqual([]);
    expect(engine.status()).toEqual({ state: 'idle' });
  });

  it('waits longer after each failure, and sends nothing twice once acknowledged', async () => {
    const server = new FakeServer();
    const delays: number[] = [];
    box = createOutbox(`sync-test-${++n}`);
    const engine = createSyncEngine({
      outbox: box,
      transport: server,
      currentUserId: () => 'ann',
      timers: {
        setTimeout: (callback, ms) => {
          delays.push(ms);
          retries.push(callback);
        },
        clearTimeout: () => undefined,
      },
    });
    await box.begin({ workoutId: 'w1', userId: 'ann', sport: 'RUN', source: 'GPS', startedAt: START });
    await box.append('w1', samples(0, 20));
    server.failures = [offline(), offline(), offline()];
    await retryUntilIdle(engine);
    expect(delays).toEqual([1_000, 2_000, 4_000]);
    const sent = server.calls.length;
    await engine.syncNow();
    await engine.syncNow();
    expect(server.calls.length).toBe(sent);
    expect(server.calls.filter((call) => call === 'batch 0')).toHaveLength(1);
  });

  it('takes a CONFLICT on a finish the server already has as done (its first answer was lost)', async () => {
    const server = new FakeServer();
    const { engine, record } = setUp(server);
    await record('w1', 10);
    server.loseAnswerOf.add('finish');
    await retryUntilIdle(engine);
    expect(server.calls).toEqual(['start', 'batch 0', 'finish', 'finish']);
    expect(server.workouts.get('w1')?.status).toBe('FINISHED');
    expect(await box.recordings('ann')).toEqual([]);
  });

  it('sends again a finish the gateway turned away as busy (SERVICE_UNAVAILABLE: nothing was done)', async () => {
    const server = new FakeServer();
    const { engine, record } = setUp(server);
    await record('w1', 10);
    server.failures = [undefined, undefined, refused('SERVICE_UNAVAILABLE')];
    await retryUntilIdle(engine);
    expect(server.calls).toEqual(['start', 'batch 0', 'finish', 'finish']);
    expect(server.workouts.get('w1')?.status).toBe('FINISHED');
    expect(await box.recordings('ann')).toEqual([]);
  });

  it('re-sends a batch whose receipt was lost: the server stores nothing twice', async () => {
    const server = new FakeServer();
    const { engine, record } = setUp(server);
    await record('w1', 20);
    server.loseAnswerOf.add('batch 0');
    await retryUntilIdle(engine);
    expect(server.calls).toEqual(['start', 'batch 0', 'batch 0', 'batch 1', 'finish']);
    expect(server.workouts.get('w1')!.samples.size).toBe(20);
    expect(server.workouts.get('w1')!.batches.size).toBe(2);
  });

  it('treats a pause the server already has as done, and a discard of a workout it no longer has', async () => {
    const server = new FakeServer();
    const { engine } = setUp(server);
    await box.begin({ workoutId: 'w1', userId: 'ann', sport: 'RUN', source: 'GPS', startedAt: START });
    await engine.syncNow();
    await server.pauseWorkout('w1');
    server.calls = [];
    await box.pause('w1', START + 5_000);
    await engine.syncNow();
    expect(server.calls).toEqual(['pause']);
    expect(server.workouts.get('w1')?.status).toBe('PAUSED');
    expect((await box.recordings('ann'))[0]).toMatchObject({ pendingSteps: 0, error: null });

    await box.discard('w1');
    server.workouts.delete('w1');
    await engine.syncNow();
    expect(await box.recordings('ann')).toEqual([]);
  });

  it('holds back a recording the server refuses, with the reason, and goes on with the others', async () => {
    const server = new FakeServer();
    const { engine, record } = setUp(server);
    await record('w1', 10);
    await record('w2', 10);
    server.failures = [refused('BAD_USER_INPUT', 'startedAt must not be in the future.')];
    await engine.syncNow();
    const left = await box.recordings('ann');
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ workoutId: 'w1', error: 'startedAt must not be in the future.' });
    expect(server.workouts.get('w2')?.status).toBe('FINISHED');

    await box.retry('w1');
    await engine.syncNow();
    expect(await box.recordings('ann')).toEqual([]);
    expect(server.workouts.get('w1')!.samples.size).toBe(10);
  });
});
