import fc from 'fast-check';
import { assertFiniteNumbers } from '../../../lib/testing/finite-numbers';
import { gearRecord, legacyGearRecord } from './gear.arbitraries';
import { toGear } from './gear-view';
import { fakeGearRepo } from './inventory.fakes';
import { recordWearThresholds } from './wear-thresholds';

const NOW = new Date('2026-11-20T08:00:00Z');

describe('recordWearThresholds', () => {
  it('publishes finite figures for every gear, within the documented ranges or stored before them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(gearRecord, legacyGearRecord), async (record) => {
        const events = await recordWearThresholds(
          fakeGearRepo(),
          toGear(record),
          { actorId: record.userId },
          NOW,
        );
        assertFiniteNumbers(events, 'events');
      }),
      { numRuns: 200 },
    );
  });
});
