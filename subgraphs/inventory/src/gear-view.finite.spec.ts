import fc from 'fast-check';
import { assertFiniteNumbers } from '../../../lib/testing/finite-numbers';
import { componentRecord, gearRecord, legacyComponentRecord, legacyGearRecord } from './gear.arbitraries';
import { aComponentRecord, aGearRecord } from './gear.builders';
import { toComponent, toGear } from './gear-view';

describe('toGear', () => {
  it('gives a finite distance and wear for every gear within the documented ranges', () => {
    fc.assert(
      fc.property(gearRecord, (record) => assertFiniteNumbers(toGear(record), 'gear')),
      {
        numRuns: 300,
      },
    );
  });

  // Rows stored before retirement distances had a minimum are still read.
  it('gives a finite wear for gear retired at any distance above 0 m', () => {
    fc.assert(
      fc.property(legacyGearRecord, (record) => assertFiniteNumbers(toGear(record), 'gear')),
      {
        numRuns: 300,
        // The issue: a retirement distance of 5e-324 m made wearPercent Infinity.
        examples: [[aGearRecord({ initialDistanceMeters: 10, retirementDistanceMeters: 5e-324 })]],
      },
    );
  });
});

describe('toComponent', () => {
  it('gives a finite distance and wear for every component within the documented ranges', () => {
    fc.assert(
      fc.property(componentRecord, ([record, gearMeters]) =>
        assertFiniteNumbers(toComponent(record, gearMeters), 'component'),
      ),
      { numRuns: 300 },
    );
  });

  it('gives a finite wear for a component expected to last any distance above 0 m', () => {
    fc.assert(
      fc.property(legacyComponentRecord, ([record, gearMeters]) =>
        assertFiniteNumbers(toComponent(record, gearMeters), 'component'),
      ),
      { numRuns: 300, examples: [[[aComponentRecord({ expectedLifetimeMeters: 5e-324 }), 1000]]] },
    );
  });
});
