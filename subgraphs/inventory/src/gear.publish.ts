/** The events the inventory context publishes about gear, built from the gear's state. */
import { createEvent, type EventEnvelope, type EventOrigin } from '../../../lib/events/envelope';
import type { Gear } from './gear-view';
import type { WearThreshold } from './wear-thresholds';

/** What training keeps of a gear item to check and default the gear of workouts. */
export const gearChanged = (gear: Gear, origin: EventOrigin): EventEnvelope<'inventory.gear.changed'> =>
  createEvent(
    'inventory.gear.changed',
    gear.id,
    {
      gearId: gear.id,
      userId: gear.userId,
      kind: gear.kind,
      status: gear.status,
      defaultForSports: gear.defaultForSports,
    },
    origin,
  );

/** A gear item reached a share of its retirement distance. */
const wearThresholdReached = (
  gear: Gear & { retirementDistanceMeters: number },
  thresholdPercent: WearThreshold,
  origin: EventOrigin,
  now: Date,
): EventEnvelope<'inventory.gear.wear-threshold-reached'> =>
  createEvent(
    'inventory.gear.wear-threshold-reached',
    gear.id,
    {
      gearId: gear.id,
      userId: gear.userId,
      thresholdPercent,
      distanceMeters: gear.distanceMeters,
      retirementDistanceMeters: gear.retirementDistanceMeters,
      gearName: gear.name,
    },
    origin,
    now,
  );

/** One event per wear threshold the gear reached for the first time (none without a retirement distance). */
export function wearThresholdsReached(
  gear: Gear,
  thresholds: readonly WearThreshold[],
  origin: EventOrigin,
  now: Date,
): EventEnvelope<'inventory.gear.wear-threshold-reached'>[] {
  const retirementDistanceMeters = gear.retirementDistanceMeters;
  if (retirementDistanceMeters === null) return [];
  return thresholds.map((percent) =>
    wearThresholdReached({ ...gear, retirementDistanceMeters }, percent, origin, now),
  );
}
