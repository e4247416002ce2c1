import fc from 'fast-check';
import { assertFiniteNumbers } from '../../../../lib/testing/finite-numbers';
import { evaluateAchievements } from './achievements';
import { anyTimeZone, contractFacts, workoutFacts } from '../gamification.arbitraries';

describe('evaluateAchievements', () => {
  it('gives finite progress for every history of workouts within the documented ranges', () => {
    fc.assert(
      fc.property(workoutFacts, anyTimeZone, (facts, zone) => {
        assertFiniteNumbers(evaluateAchievements(facts, zone), 'achievements');
      }),
      { numRuns: 150 },
    );
  });

  it('gives finite progress for any figures the event contract lets through', () => {
    fc.assert(
      fc.property(contractFacts, anyTimeZone, (facts, zone) => {
        assertFiniteNumbers(evaluateAchievements(facts, zone), 'achievements');
      }),
      { numRuns: 150 },
    );
  });
});
