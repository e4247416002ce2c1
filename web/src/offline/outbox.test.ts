import { afterEach, describe, expect, it } from 'vitest';
import type { Sample } from './device-figures';
import { createOutbox, type Outbox, type OutboxStep } from './outbox';

const WORKOUT = '0190a6a4-8a40-7000-8000-000000000001';
const START = Date.parse('2026-12-04T08:00:00Z');

const sample = (i: number): Sample => ({
  time: START + i * 1000,
  latitude: 45 + i * 0.0001,
  longitude: 13,
  altitude: 200 + i,
  heartRate: 120 + i,
  cadence: null,
  power: null,
  speed: null,
});
const samples = (from: number, count: number) => Array.from({ length: count }, (_, i) => sample(from + i));

let box: Outbox;
let n = 0;

async function newOutbox() {
  box = createOutbox(`outbox-test-${++n}`);
  await box.begin({ workoutId: WORKOUT, userId: 'ann', sport: 'RUN', source: 'GPX', startedAt: START });
  return box;
}

async function allSteps(): Promise<OutboxStep[]> {
  const steps: OutboxStep[] = [];
  for (let step = await box.nextStep(WORKOUT); step; step = await box.nextStep(WORKOUT)) {
    steps.push(step);
    await box.acknowledge(step);
  }
  return steps;
}

afterEach(() => box?.close());

describe('the outbox', () => {
  it('queues the start, then full batches of 10 numbered on, the last shorter one at the finish, then the finish', async () => {
    await newOutbox();
    await box.append(WORKOUT, samples(0, 7));
    await box.append(WORKOUT, samples(7, 8));
    await box.pause(WORKOUT, START + 15_000);
    await box.resume(WORKOUT, START + 20_000);
    await box.append(WORKOUT, samples(15, 10));
    await box.finish(WORKOUT, START + 30_000);

    const steps = await allSteps();
    expect(steps.map((step) => step.kind)).toEqual([
      'START',
      'BATCH',
      'PAUSE',
      'RESUME',
      'BATCH',
      'BATCH',
      'FINISH',
    ]);
    const batches = steps.filter((step) => step.batch).map((step) => step.batch!);
    expect(batches.map((batch) => batch.batchId)).toEqual([`${WORKOUT}:0`, `${WORKOUT}:1`, `${WORKOUT}:2`]);
    expect(batches.map((batch) => batch.sequence.length)).toEqual([10, 10, 5]);
    expect(batches.flatMap((batch) => batch.sequence)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(batches[1]!.time[0]).toBe(START + 10_000);
    expect(batches[0]!.heartRate.slice(0, 2)).toEqual([120, 121]);
    expect(steps.at(-1)).toMatchObject({ kind: 'FINISH', at: START + 30_000 });
  });

  it('keeps a partial batch through a reopening of the database, and counts what waits', async () => {
    await newOutbox();
    await box.append(WORKOUT, samples(0, 13));
    await box.close();
    const [summary] = await box.recordings('ann');
    expect(summary).toMatchObject({
      workoutId: WORKOUT,
      pendingSamples: 13,
      pendingSteps: 2,
      status: 'IN_PROGRESS',
    });
    expect(summary!.figures.sampleCount).toBe(13);
    expect(summary!.figures.distanceMeters).toBeGreaterThan(130);
    expect(await box.recordings('someone else')).toEqual([]);

    await box.finish(WORKOUT, START + 12_000);
    const steps = await allSteps();
    expect(steps.filter((s) => s.batch).map((s) => s.batch!.sequence)).toEqual([
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      [10, 11, 12],
    ]);
    const [after] = await box.recordings('ann');
    expect(after).toMatchObject({ pendingSamples: 0, pendingSteps: 0, startAcknowledged: true });
  });

  it('never dates a finish before the latest sample, and refuses samples and transitions out of turn', async () => {
    await newOutbox();
    await box.append(WORKOUT, samples(0, 3));
    expect(await box.resume(WORKOUT, START + 5_000)).toBe(false);
    await box.finish(WORKOUT, START);
    expect(await box.append(WORKOUT, samples(3, 1))).toBe(false);
    expect(await box.pause(WORKOUT, START + 9_000)).toBe(false);
    const steps = await allSteps();
    expect(steps.at(-1)).toMatchObject({ kind: 'FINISH', at: START + 2_000 });
    expect(steps.filter((s) => s.batch)).toHaveLength(1);
  });

  it('discards: unsent samples are forgotten, the start stays queued before the discard', async () => {
    await newOutbox();
    await box.append(WORKOUT, samples(0, 25));
    await box.discard(WORKOUT);
    expect((await allSteps()).map((step) => step.kind)).toEqual(['START', 'DISCARD']);
    expect(await box.settle(WORKOUT)).toBe(true);
    expect(await box.recordings('ann')).toEqual([]);
  });

  it('settles only a finished recording with nothing left to send', async () => {
    await newOutbox();
    await box.append(WORKOUT, samples(0, 10));
    await allSteps();
    expect(await box.settle(WORKOUT)).toBe(false);
    await box.finish(WORKOUT, START + 10_000);
    expect(await box.settle(WORKOUT)).toBe(false);
    await allSteps();
    expect(await box.settle(WORKOUT)).toBe(true);
  });
});
