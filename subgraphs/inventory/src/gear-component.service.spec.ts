import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../lib/auth/viewer';
import { createGearComponentService } from './gear-component.service';
import { aGearRecord } from './gear.builders';
import { toGear } from './gear-view';
import { fakeGearComponentRepo, fakeGearRepo } from './inventory.fakes';

const NOW = new Date('2026-11-20T08:00:00Z');
const ann: Viewer = { userId: uuidv7(), roles: ['ATHLETE'] };
const bob: Viewer = { userId: uuidv7(), roles: ['ATHLETE'] };

function newTestComponents() {
  const gear = fakeGearRepo();
  const bike = aGearRecord({ userId: ann.userId, kind: 'BIKE', retirementDistanceMeters: null });
  bike.initialDistanceMeters = 1_000_000;
  gear.rows.push(bike);
  const components = createGearComponentService({
    gear,
    components: fakeGearComponentRepo(),
    clock: { now: () => NOW },
  });
  return { components, gear, bike };
}

describe('addGearComponent', () => {
  it.each([
    ['CHAIN', 5_000_000],
    ['TYRE', 5_000_000],
    ['CASSETTE', 15_000_000],
    ['BRAKE_PADS', 3_000_000],
  ] as const)('expects a %s to last %d m by default', async (kind, meters) => {
    const { components, bike } = newTestComponents();
    expect((await components.add(ann, bike.id, { kind })).expectedLifetimeMeters).toBe(meters);
  });

  it('needs the lifetime of an OTHER component', async () => {
    const { components, bike } = newTestComponents();
    await expect(components.add(ann, bike.id, { kind: 'OTHER' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'expectedLifetimeMeters' },
    });
    expect(
      (await components.add(ann, bike.id, { kind: 'OTHER', expectedLifetimeMeters: 8e6 })).wearPercent,
    ).toBe(0);
  });

  it.each([5e-324, 999, 100_000_001])('refuses a lifetime of %d m (1 000 to 100 000 000)', async (meters) => {
    const { components, bike } = newTestComponents();
    await expect(
      components.add(ann, bike.id, { kind: 'CHAIN', expectedLifetimeMeters: meters }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'expectedLifetimeMeters' } });
  });

  it('counts wear from the gear’s distance when installed, and stops at retirement', async () => {
    const { components, gear, bike } = newTestComponents();
    const chain = await components.add(ann, bike.id, { kind: 'CHAIN', name: ' Chain ' });
    expect(chain).toMatchObject({ name: 'Chain', gearDistanceAtInstallMeters: 1_000_000, installedAt: NOW });

    gear.rows[0]!.creditedDistanceMeters = 2_500_000;
    const worn = (await components.ofGears([toGear(gear.rows[0]!)]))[0]![0];
    expect(worn).toMatchObject({ distanceMeters: 2_500_000, wearPercent: 50 });

    const retired = await components.retire(ann, chain.id);
    gear.rows[0]!.creditedDistanceMeters = 4_000_000;
    const after = (await components.ofGears([toGear(gear.rows[0]!)]))[0]![0];
    expect(retired).toMatchObject({ retiredAt: NOW, distanceMeters: 2_500_000 });
    expect(after).toMatchObject({ distanceMeters: 2_500_000 });
    await expect(components.retire(ann, chain.id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it("treats someone else's gear and components as not found", async () => {
    const { components, bike } = newTestComponents();
    await expect(components.add(bob, bike.id, { kind: 'CHAIN' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const chain = await components.add(ann, bike.id, { kind: 'CHAIN' });
    await expect(components.retire(bob, chain.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a component on retired gear', async () => {
    const { components, gear, bike } = newTestComponents();
    gear.rows[0]!.status = 'RETIRED';
    await expect(components.add(ann, bike.id, { kind: 'CHAIN' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
