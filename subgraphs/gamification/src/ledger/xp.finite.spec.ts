import fc from 'fast-check';
import { assertFiniteNumbers } from '../../../../lib/testing/finite-numbers';
import { contractFact, workoutFact } from '../gamification.arbitraries';
import { xpFor } from './xp';

describe('xpFor', () => {
  it('gives finite whole points for every workout within the documented ranges', () => {
    fc.assert(
      fc.property(workoutFact, (fact) => {
        const award = xpFor(fact);
        assertFiniteNumbers(award, 'award');
        expect(Number.isInteger(award.points)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('gives finite whole points for any figures the event contract lets through', () => {
    fc.assert(
      fc.property(contractFact, (fact) => {
        const award = xpFor(fact);
        assertFiniteNumbers(award, 'award');
        expect(Number.isInteger(award.points)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
