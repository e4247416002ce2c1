import { pino } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../../lib/auth/viewer';
import { fixedClock } from '../../../../lib/clock';
import type { Logger } from '../../../../lib/logging/logger';
import { createInProcessPubSub } from '../../../../lib/pubsub/in-process-pubsub';
import type { PubSub } from '../../../../lib/pubsub/pubsub';
import { loop, scatteredTrack } from '../metrics/scattered-tracks';
import { START_MS } from '../metrics/synthetic-tracks';
import type { TrainingProfileRepo } from '../profile/training-profile.repo';
import type { StoredSample } from '../telemetry/samples.repo';
import { fakeTrainingRepos } from '../training.fakes';
import { createWorkoutReadsService } from '../visibility/workout-reads.service';
import { aWorkoutRecord } from './workout.builders';
import { createWorkoutProgressService, type WorkoutProgressMessage } from './workout-progress.service';

/** The publisher with fakes, and the messages it published. */
function newTestPublisher(samples: StoredSample[]) {
  const messages: WorkoutProgressMessage[] = [];
  const pubsub: PubSub = {
    ...createInProcessPubSub(),
    publish: async (_channel, message) => void messages.push(message as WorkoutProgressMessage),
  };
  const publisher = createWorkoutProgressService({
    pubsub,
    samples: { of: async () => samples },
    profiles: { of: async () => ({}) } as unknown as TrainingProfileRepo,
    workouts: { findById: async () => null },
    reads: createWorkoutReadsService(fakeTrainingRepos()),
    clock: { now: () => new Date(START_MS + 3_600_000) },
    logger: {} as Logger,
  });
  return { publisher, messages };
}

describe('workout progress', () => {
  it('stops the running distance and moving time while the athlete stands, however the fixes scatter', async () => {
    // 10 min at 3 m/s, then standing for 5 min (still recording) with fixes scattered by ±3 m.
    const { track } = scatteredTrack({
      path: loop(1801, 16),
      stretches: [
        { seconds: 600, speedMps: 3 },
        { seconds: 300, speedMps: 0 },
      ],
      intervalSeconds: 1,
      scatter: { kind: 'SQUARE', meters: 3 },
      seed: 1,
    });
    const samples = track.samples.map((sample, sequence) => ({ ...sample, sequence }));
    const { publisher, messages } = newTestPublisher(samples);
    await publisher.publish(aWorkoutRecord({ startedAt: new Date(START_MS), sampleCount: samples.length }));
    const [live] = messages;
    expect(live).toMatchObject({ status: 'IN_PROGRESS', sampleCount: 901, elapsedSeconds: 900 });
    expect(Math.abs(live!.movingSeconds! - 600)).toBeLessThanOrEqual(5);
    expect(Math.abs(live!.distanceMeters - 1800)).toBeLessThanOrEqual(9);
    expect(live!.averagePaceSecondsPerKm).toBeCloseTo(333.3, -1);
  });
});

describe('subscribe', () => {
  const ann: Viewer = { userId: uuidv7(), roles: ['ATHLETE'] };

  function newTestProgress() {
    const repos = fakeTrainingRepos();
    const workout = aWorkoutRecord({ id: uuidv7(), userId: ann.userId });
    repos.workouts.rows.push(workout);
    const progress = createWorkoutProgressService({
      pubsub: createInProcessPubSub(),
      ...repos,
      reads: createWorkoutReadsService(repos),
      clock: fixedClock('2026-11-20T08:00:00Z'),
      logger: pino({ level: 'silent' }),
    });
    return { progress, repos, workout };
  }

  it('sends the current figures at once, then each update up to the finish', async () => {
    const { progress, repos, workout } = newTestProgress();
    const messages = await progress.subscribe(ann, workout.id);
    const first = await messages.next();
    expect(first.value).toMatchObject({ workoutId: workout.id, status: 'IN_PROGRESS', sampleCount: 0 });
    Object.assign(repos.workouts.rows[0]!, {
      status: 'FINISHED',
      finishedAt: new Date('2026-11-20T07:30:00Z'),
    });
    progress.publishSoon(workout.id);
    expect((await messages.next()).value).toMatchObject({ status: 'FINISHED' });
    expect(await messages.next()).toEqual({ done: true, value: undefined });
  });

  it("reports another athlete's workout as missing before anything is sent", async () => {
    const { progress, workout } = newTestProgress();
    await expect(progress.subscribe({ userId: uuidv7(), roles: [] }, workout.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
