import fc from 'fast-check';
import { gearRecord, legacyGearRecord } from './gear.arbitraries';
import { aGearRecord } from './gear.builders';
import { toGear } from './gear-view';
import { wearThresholdsReached } from './gear.publish';
import type { Gear } from './gear-view';
import { fakeGearRepo, type FakeGearRepo } from './inventory.fakes';
import { recordWearThresholds, thresholdsReached, wearOf } from './wear-thresholds';

const NOW = new Date('2026-11-20T08:00:00Z');

/** Records the thresholds the gear reached and builds their events, as the services do. */
const announce = async (store: FakeGearRepo, gear: Gear) =>
  wearThresholdsReached(gear, await recordWearThresholds(store, gear, NOW), { actorId: gear.userId }, NOW);

describe('thresholdsReached', () => {
  it.each([
    [799.99, []],
    [800, [80]],
    [999, [80]],
    [1000, [80, 100]],
    [2500, [80, 100]],
  ])('at %d m of 1 000 m reports %j', (distance, expected) => {
    expect(thresholdsReached(distance, 1000)).toEqual(expected);
  });

  it('reports nothing without a retirement distance', () => {
    expect(thresholdsReached(1_000_000, null)).toEqual([]);
  });
});

describe('wearOf', () => {
  it.each([
    [0, 'FINE', null],
    [799.99, 'FINE', null],
    [800, 'REPLACE_SOON', 80],
    [999.99, 'REPLACE_SOON', 80],
    [1000, 'REPLACE', 100],
    [2500, 'REPLACE', 100],
  ])('at %d m of 1 000 m is %s (threshold %j)', (distance, wearStatus, wearThresholdPercent) => {
    expect(wearOf(distance, 1000)).toEqual({ wearStatus, wearThresholdPercent });
  });

  it('is FINE without a limit', () => {
    expect(wearOf(1_000_000, null)).toEqual({ wearStatus: 'FINE', wearThresholdPercent: null });
  });

  // Gear within 150 % of its retirement distance: both thresholds and the span between them.
  const nearThresholds = fc
    .tuple(fc.double({ min: 1000, max: 1e8, noNaN: true }), fc.double({ min: 0, max: 1.5, noNaN: true }))
    .map(([limit, share]) =>
      aGearRecord({ retirementDistanceMeters: limit, creditedDistanceMeters: limit * share }),
    );

  it('agrees with the events: gear shows the highest threshold announced when it first got there', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(nearThresholds, gearRecord, legacyGearRecord), async (record) => {
        const gear = toGear(record);
        const events = await announce(fakeGearRepo(), gear);
        const announced = events.map((e) => e.data.thresholdPercent);
        expect(gear.wearThresholdPercent).toBe(announced.at(-1) ?? null);
        expect(gear.wearStatus).toBe(
          { 0: 'FINE', 1: 'REPLACE_SOON', 2: 'REPLACE' }[announced.length as 0 | 1 | 2],
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('recordWearThresholds', () => {
  const shoes = aGearRecord();
  const shoesAt = (creditedDistanceMeters: number) =>
    toGear(
      aGearRecord({
        id: shoes.id,
        userId: shoes.userId,
        retirementDistanceMeters: 1000,
        creditedDistanceMeters,
      }),
    );

  it('reports 80 % and 100 % once each, and nothing after a drop below and a rise again', async () => {
    const store = fakeGearRepo();
    const percentsAt = async (distance: number) =>
      (await announce(store, shoesAt(distance))).map((e) => e.data.thresholdPercent);

    expect(await percentsAt(500)).toEqual([]);
    expect(await percentsAt(900)).toEqual([80]);
    expect(await percentsAt(950)).toEqual([]);
    expect(await percentsAt(300)).toEqual([]); // a deleted workout
    expect(await percentsAt(900)).toEqual([]); // back over 80 %: already reported
    expect(await percentsAt(1200)).toEqual([100]);
    expect(await percentsAt(1300)).toEqual([]);
  });

  it('reports both thresholds at once when one workout crosses both, with the gear’s figures', async () => {
    const events = await announce(fakeGearRepo(), shoesAt(1100));
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({ gearId: shoes.id, userId: shoes.userId, thresholdPercent: 80 }),
      {
        gearId: shoes.id,
        userId: shoes.userId,
        thresholdPercent: 100,
        distanceMeters: 1100,
        retirementDistanceMeters: 1000,
        gearName: 'Daily trainers',
      },
    ]);
    expect(events.map((e) => [e.type, e.key])).toEqual([
      ['inventory.gear.wear-threshold-reached', shoes.id],
      ['inventory.gear.wear-threshold-reached', shoes.id],
    ]);
  });
});
