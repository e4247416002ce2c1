import fc from 'fast-check';
import { assertFiniteNumbers } from '../../../../lib/testing/finite-numbers';
import { anyTimeZone, workoutFacts, workoutInstant } from '../gamification.arbitraries';
import { streaksOf } from './streaks';

describe('streaksOf', () => {
  it('gives finite streaks for every history of workouts within the documented ranges', () => {
    fc.assert(
      fc.property(workoutFacts, anyTimeZone, workoutInstant, (facts, zone, now) => {
        assertFiniteNumbers(streaksOf(facts, zone, now), 'streaks');
      }),
      { numRuns: 150 },
    );
  });
});
