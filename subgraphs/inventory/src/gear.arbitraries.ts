/**
 * fast-check arbitraries of gear and components for property tests: within what gear-input.ts accepts
 * now, and as rows stored before wear limits had a minimum (any positive number of metres).
 */
import fc from 'fast-check';
import type { ComponentRecord } from './gear-component.repo';
import { MAX_INITIAL_DISTANCE_METERS, WEAR_LIMIT_METERS } from './gear-input';
import { aComponentRecord, aGearRecord } from './gear.builders';
import type { GearRecord } from './gear.repo';

const metres = (min: number, max: number) => fc.double({ min, max, noNaN: true });

/** What workouts can credit: up to 100 000 workouts of 1 000 km (workout-input.ts), never negative. */
const credited = metres(0, 1e11);
const wearLimit = metres(WEAR_LIMIT_METERS.min, WEAR_LIMIT_METERS.max);
/** A retirement distance or lifetime as accepted before the minimum: anything above 0, 5e-324 included. */
const legacyWearLimit = fc.double({ min: Number.MIN_VALUE, max: WEAR_LIMIT_METERS.max, noNaN: true });

const gear = (limit: fc.Arbitrary<number>): fc.Arbitrary<GearRecord> =>
  fc
    .record({
      initialDistanceMeters: metres(0, MAX_INITIAL_DISTANCE_METERS),
      creditedDistanceMeters: credited,
      creditedMovingSeconds: fc.integer({ min: 0, max: 2 ** 40 }),
      retirementDistanceMeters: fc.option(limit, { nil: null }),
    })
    .map((figures) => aGearRecord(figures));

export const gearRecord = gear(wearLimit);
export const legacyGearRecord = gear(legacyWearLimit);

/** A component and the distance of its gear now (installed at a distance the gear had reached). */
const component = (limit: fc.Arbitrary<number>): fc.Arbitrary<[ComponentRecord, number]> =>
  fc
    .record({
      expectedLifetimeMeters: limit,
      gearDistanceAtInstallMeters: credited,
      gearDistanceAtRetirementMeters: fc.option(credited, { nil: null }),
      gearDistanceNow: credited,
    })
    .map(({ gearDistanceNow, ...figures }) => [aComponentRecord(figures), gearDistanceNow]);

export const componentRecord = component(wearLimit);
export const legacyComponentRecord = component(legacyWearLimit);
