/** What the API shows of gear and components: names, distances and wear derived from the stored records. */
import type { GearKind } from './gear-defaults';
import type { ComponentRecord } from './gear-component.repo';
import type { GearRecord } from './gear.repo';
import { wearOf, type WearStatus, type WearThreshold } from './wear-thresholds';

/** A gear item as the API shows it. */
export interface Gear extends GearRecord {
  name: string;
  distanceMeters: number;
  movingSeconds: number;
  wearPercent: number | null;
  /** FINE without a retirement distance; retired gear keeps the status its distance gives. */
  wearStatus: WearStatus;
  wearThresholdPercent: WearThreshold | null;
}

/** A component as the API shows it. */
export interface GearComponent extends ComponentRecord {
  distanceMeters: number;
  wearPercent: number;
  wearStatus: WearStatus;
}

const KIND_IN_WORDS: Record<GearKind, string> = { SHOES: 'Shoes', BIKE: 'Bike', OTHER: 'Gear' };

/** The nickname, else "brand model" (whichever are given), else the kind in words. */
export function gearName(gear: Pick<GearRecord, 'kind' | 'brand' | 'model' | 'nickname'>): string {
  const brandModel = [gear.brand, gear.model].filter(Boolean).join(' ');
  return gear.nickname || brandModel || KIND_IN_WORDS[gear.kind];
}

/** The gear's total distance: what it had covered before Pulse plus what workouts credited. */
export function totalDistance(
  gear: Pick<GearRecord, 'initialDistanceMeters' | 'creditedDistanceMeters'>,
): number {
  return gear.initialDistanceMeters + gear.creditedDistanceMeters;
}

/**
 * Distance as a percentage of a limit (may exceed 100). Limits stored before they had a minimum can be as
 * small as 5e-324 m: the quotient would be Infinity, which no GraphQL Float can carry, so it stops at the
 * largest finite number ("worn out beyond measure"); 0 m of a 0 m limit is 0 %.
 */
export function percentOf(distanceMeters: number, limitMeters: number): number {
  const percent = (distanceMeters / limitMeters) * 100;
  if (Number.isNaN(percent)) return 0;
  return Math.max(-Number.MAX_VALUE, Math.min(percent, Number.MAX_VALUE));
}

/** Distance as a percentage of a limit (may exceed 100); null without a limit. */
export function wearPercent(distanceMeters: number, limitMeters: number | null): number | null {
  return limitMeters === null ? null : percentOf(distanceMeters, limitMeters);
}

export function toGear(record: GearRecord): Gear {
  const distanceMeters = totalDistance(record);
  return {
    ...record,
    name: gearName(record),
    distanceMeters,
    movingSeconds: record.creditedMovingSeconds,
    wearPercent: wearPercent(distanceMeters, record.retirementDistanceMeters),
    ...wearOf(distanceMeters, record.retirementDistanceMeters),
  };
}

/** A component's distance is the gear's distance since it was installed, frozen when it was retired. */
export function toComponent(record: ComponentRecord, gearDistanceMeters: number): GearComponent {
  const upTo = record.gearDistanceAtRetirementMeters ?? gearDistanceMeters;
  // A deleted workout can take the gear below where it stood at install: wear never goes negative.
  const distanceMeters = Math.max(0, upTo - record.gearDistanceAtInstallMeters);
  return {
    ...record,
    distanceMeters,
    wearPercent: percentOf(distanceMeters, record.expectedLifetimeMeters),
    wearStatus: wearOf(distanceMeters, record.expectedLifetimeMeters).wearStatus,
  };
}
