import fc from 'fast-check';
import { assertFiniteNumbers } from '../../../../lib/testing/finite-numbers';
import { contractFact, workoutFact } from '../gamification.arbitraries';
import { xpFor } from './xp';

describe('xpFor', () => {
  it.each([
    ['every workout within the documented ranges', workoutFact],
    ['any figures the event contract lets through', contractFact],
  ])('gives finite whole points for %s', (_figures, facts) => {
    fc.assert(
      fc.property(facts, (fact) => {
        const award = xpFor(fact);
        assertFiniteNumbers(award, 'award');
        expect(Number.isInteger(award.points)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
