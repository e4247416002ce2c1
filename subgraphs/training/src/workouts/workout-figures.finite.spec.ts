import fc from 'fast-check';
import { assertFiniteNumbers } from '../../../../lib/testing/finite-numbers';
import { profileAthlete } from '../metrics/track-arbitraries';
import { workoutWithSamples } from './workout.arbitraries';
import { figuresFrom, metricsOf } from './workout-figures';

describe('figuresFrom', () => {
  it('gives finite figures and valid dates for every workout and track within the documented ranges', () => {
    fc.assert(
      fc.property(workoutWithSamples, profileAthlete, ({ workout, samples }, athlete) => {
        assertFiniteNumbers(figuresFrom(workout, metricsOf(workout, samples, athlete)), 'figures');
      }),
      { numRuns: 200 },
    );
  });
});
