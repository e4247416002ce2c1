import fc from 'fast-check';
import { assertFiniteNumbers } from '../../../lib/testing/finite-numbers';
import { gearRecord, legacyGearRecord } from './gear.arbitraries';
import { toGear } from './gear-view';
import { wearThresholdsReached } from './gear.publish';
import type { Gear } from './gear-view';
import { fakeGearRepo, type FakeGearRepo } from './inventory.fakes';
import { recordWearThresholds } from './wear-thresholds';

const NOW = new Date('2026-11-20T08:00:00Z');

/** Records the thresholds the gear reached and builds their events, as the services do. */
const announce = async (store: FakeGearRepo, gear: Gear) =>
  wearThresholdsReached(gear, await recordWearThresholds(store, gear, NOW), { actorId: gear.userId }, NOW);

describe('recordWearThresholds', () => {
  it('publishes finite figures for every gear, within the documented ranges or stored before them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(gearRecord, legacyGearRecord), async (record) => {
        const events = await announce(fakeGearRepo(), toGear(record));
        assertFiniteNumbers(events, 'events');
      }),
      { numRuns: 200 },
    );
  });
});
