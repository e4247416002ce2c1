import fc from 'fast-check';
import { assertFiniteNumbers } from '../../../../lib/testing/finite-numbers';
import { levelOf } from './levels';
import { workoutFacts } from '../gamification.arbitraries';
import { xpFor } from '../ledger/xp';

describe('levelOf', () => {
  it('gives finite figures for the XP of any history of workouts', () => {
    fc.assert(
      fc.property(workoutFacts, (facts) => {
        assertFiniteNumbers(levelOf(facts.reduce((total, fact) => total + xpFor(fact).points, 0)), 'level');
      }),
      { numRuns: 200 },
    );
  });

  it('gives finite figures for any whole total of XP', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (total) => {
        const level = levelOf(total);
        assertFiniteNumbers(level, 'level');
        expect(level.xpIntoLevel).toBeLessThan(level.xpForNextLevel);
      }),
      { numRuns: 300 },
    );
  });
});
