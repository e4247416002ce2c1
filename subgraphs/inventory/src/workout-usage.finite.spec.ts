import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { assertFiniteNumbers } from '../../../lib/testing/finite-numbers';
import { aWorkoutSummary } from './gear.builders';
import { desiredUsages, diffUsages, type Usage } from './workout-usage';

const gearIds = Array.from({ length: 4 }, () => uuidv7());
// What training publishes (workout-input.ts): up to 1 000 km and 7 days, whole seconds.
const metres = fc.option(fc.double({ min: 0, max: 1_000_000, noNaN: true }), { nil: null });
const seconds = fc.option(fc.integer({ min: 0, max: 7 * 24 * 3600 }), { nil: null });

const summary = fc
  .record({
    status: fc.constantFrom('IN_PROGRESS' as const, 'PAUSED' as const, 'FINISHED' as const),
    distanceMeters: metres,
    movingSeconds: seconds,
    elapsedSeconds: seconds,
    gearIds: fc.subarray(gearIds),
  })
  .map((figures) => aWorkoutSummary(figures));

const storedUsages = fc.uniqueArray(
  fc.record({
    gearId: fc.constantFrom(...gearIds),
    distanceMeters: fc.double({ min: 0, max: 1_000_000, noNaN: true }),
    movingSeconds: fc.integer({ min: 0, max: 7 * 24 * 3600 }),
  }),
  { selector: (usage: Usage) => usage.gearId },
);

describe('diffUsages', () => {
  it('gives finite usages and deltas for every summary within the documented ranges', () => {
    fc.assert(
      fc.property(
        fc.option(summary, { nil: null }),
        storedUsages,
        fc.subarray(gearIds),
        (latest, stored, own) => {
          assertFiniteNumbers(diffUsages(stored, desiredUsages(latest, new Set(own))), 'changes');
        },
      ),
      { numRuns: 300 },
    );
  });
});
