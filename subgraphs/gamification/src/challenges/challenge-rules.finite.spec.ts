import fc from 'fast-check';
import { SPORTS } from '../../../../lib/sports';
import { assertFiniteNumbers } from '../../../../lib/testing/finite-numbers';
import { challengeProgress, type ChallengeDefinition } from './challenge-rules';
import { anyTimeZone, contractFacts, workoutFacts, workoutInstant } from '../gamification.arbitraries';
import { aWorkoutFact } from '../gamification.builders';

const YEAR_MS = 366 * 86_400_000;

// As challenge.service.ts accepts one: a target above 0 and up to 1e9 (whole for COUNT and STREAK_DAYS),
// a window of at most a year.
const challenge: fc.Arbitrary<ChallengeDefinition> = fc
  .record({
    goal: fc.constantFrom(
      'DISTANCE' as const,
      'ELEVATION' as const,
      'COUNT' as const,
      'STREAK_DAYS' as const,
    ),
    target: fc.integer({ min: 1, max: 1e9 }),
    sport: fc.option(fc.constantFrom(...SPORTS), { nil: null }),
    startsAt: workoutInstant,
    length: fc.integer({ min: 1, max: YEAR_MS }),
  })
  .map(({ startsAt, length, ...rest }) => ({
    id: 'challenge-1',
    startsAt,
    endsAt: startsAt + length,
    ...rest,
  }));

// Most random workouts fall outside a random window: an unbounded one lets every workout count.
const anyWindow = fc.oneof(
  challenge,
  challenge.map((definition) => ({ ...definition, startsAt: 0, endsAt: Number.MAX_SAFE_INTEGER })),
);

const distanceChallenge: ChallengeDefinition = {
  id: 'challenge-1',
  goal: 'DISTANCE',
  target: 1e9,
  sport: null,
  startsAt: 0,
  endsAt: Number.MAX_SAFE_INTEGER,
};
const hugeRide = () => aWorkoutFact({ sport: 'RIDE', distanceMeters: 1e308, movingSeconds: null });

describe('challengeProgress', () => {
  it('gives finite progress for every history of workouts within the documented ranges', () => {
    fc.assert(
      fc.property(anyWindow, workoutFacts, anyTimeZone, (definition, facts, zone) => {
        assertFiniteNumbers(challengeProgress(definition, facts, zone), 'progress');
      }),
      { numRuns: 200 },
    );
  });

  it('gives finite progress for any figures the event contract lets through', () => {
    fc.assert(
      fc.property(anyWindow, contractFacts, anyTimeZone, (definition, facts, zone) => {
        assertFiniteNumbers(challengeProgress(definition, facts, zone), 'progress');
      }),
      {
        numRuns: 200,
        // Two rides of 1e308 m without a moving time (so no speed check) overflowed the sum.
        examples: [[distanceChallenge, [hugeRide(), hugeRide()], 'UTC']],
      },
    );
  });
});
