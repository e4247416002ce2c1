/**
 * Wear thresholds: a gear item with a retirement distance is reported once when its distance reaches 80 %
 * of it and once when it reaches 100 %, ever: a deleted workout that takes it below and a new one that
 * takes it back over report nothing again. The store's record (one row per gear and threshold) decides.
 * The wear status the API shows comes from the same comparison (`thresholdsReached`): gear becomes
 * REPLACE_SOON and REPLACE at the moment the 80 % and 100 % events fire.
 */

export const WEAR_THRESHOLDS = [80, 100] as const;
export type WearThreshold = (typeof WEAR_THRESHOLDS)[number];

/** How worn an item is, as a client shows it: the highest threshold its distance is at. */
export type WearStatus = 'FINE' | 'REPLACE_SOON' | 'REPLACE';

const STATUS_AT: Record<WearThreshold, WearStatus> = { 80: 'REPLACE_SOON', 100: 'REPLACE' };

/** A threshold a gear item reached, as the store recorded it the first time. */
export interface ReachedThreshold {
  gearId: string;
  percent: number;
  reachedAt: Date;
}

/** Remembers the thresholds each gear item reached. */
export interface ThresholdStore {
  /** True when newly recorded; false when the gear had reached this threshold before. */
  recordThreshold(gearId: string, percent: number, reachedAt: Date): Promise<boolean>;
}

/** The thresholds a distance is at or beyond; none without a retirement distance. */
export function thresholdsReached(distanceMeters: number, retirementMeters: number | null): WearThreshold[] {
  if (retirementMeters === null || retirementMeters <= 0) return [];
  // Compared in whole products, not quotients: 800 of 1 000 m is exactly 80 %.
  return WEAR_THRESHOLDS.filter((percent) => distanceMeters * 100 >= retirementMeters * percent);
}

/**
 * The wear of a distance against a limit: the highest threshold it is at or beyond (null below 80 % or
 * without a limit) and its status (`FINE` then).
 */
export function wearOf(
  distanceMeters: number,
  limitMeters: number | null,
): { wearStatus: WearStatus; wearThresholdPercent: WearThreshold | null } {
  const threshold = thresholdsReached(distanceMeters, limitMeters).at(-1) ?? null;
  return { wearStatus: threshold === null ? 'FINE' : STATUS_AT[threshold], wearThresholdPercent: threshold };
}

/** A gear item's distance against its retirement distance (what `recordWearThresholds` compares). */
export interface WornItem {
  id: string;
  distanceMeters: number;
  retirementDistanceMeters: number | null;
}

/**
 * Records the thresholds the item has reached for the first time and returns them (gear.publish.ts turns
 * them into events).
 */
export async function recordWearThresholds(
  store: ThresholdStore,
  item: WornItem,
  now: Date,
): Promise<WearThreshold[]> {
  const reached: WearThreshold[] = [];
  for (const percent of thresholdsReached(item.distanceMeters, item.retirementDistanceMeters)) {
    if (await store.recordThreshold(item.id, percent, now)) reached.push(percent);
  }
  return reached;
}
