import fc from 'fast-check';
import type { Logger } from '../../../../lib/logging/logger';
import { createInProcessPubSub } from '../../../../lib/pubsub/in-process-pubsub';
import type { PubSub } from '../../../../lib/pubsub/pubsub';
import { assertFiniteNumbers } from '../../../../lib/testing/finite-numbers';
import { profileAthlete } from '../metrics/track-arbitraries';
import type { TrainingProfileRepo } from '../profile/training-profile.repo';
import { fakeTrainingRepos } from '../training.fakes';
import { createWorkoutReadsService } from '../visibility/workout-reads.service';
import { workoutWithSamples } from './workout.arbitraries';
import { createWorkoutProgressService } from './workout-progress.service';

describe('workout progress', () => {
  it('publishes finite running figures for every workout and track within the documented ranges', async () => {
    await fc.assert(
      fc.asyncProperty(workoutWithSamples, profileAthlete, async ({ workout, samples }, athlete) => {
        const messages: unknown[] = [];
        // The message as built, before the pub/sub's JSON would turn an Infinity into null.
        const pubsub: PubSub = {
          ...createInProcessPubSub(),
          publish: async (_channel, message) => void messages.push(message),
        };
        const publisher = createWorkoutProgressService({
          pubsub,
          samples: { of: async () => samples },
          profiles: { of: async () => athlete } as unknown as TrainingProfileRepo,
          workouts: { findById: async () => workout },
          reads: createWorkoutReadsService(fakeTrainingRepos()),
          clock: { now: () => new Date(workout.startedAt.getTime() + 60_000) },
          logger: {} as Logger,
        });
        await publisher.publish({ ...workout, metrics: null });
        expect(messages).toHaveLength(1);
        assertFiniteNumbers(messages[0], 'progress');
      }),
      { numRuns: 150 },
    );
  });
});
