/** How worn a gear item or component looks: the wear bar's level and width, and the warning in words. */
import type { WearStatus } from '../../__generated__/enums';
import { formatDistance, type Units } from '../../format/units';

export interface WearFigures {
  distanceMeters: number;
  wearPercent?: number | null;
  wearStatus: WearStatus;
  /** A gear item's retirement distance or a component's expected lifetime. */
  limitMeters?: number | null;
}

export interface WearBar {
  /** `bar`, `bar warn` from 80 %, `bar over` from 100 % (the API's own comparison, `wearStatus`). */
  className: string;
  /** The filled share, 0 to 100. */
  width: number;
  /** The wear in whole percent (may exceed 100). */
  percent: number;
}

const BAR_CLASS: Record<WearStatus, string> = { FINE: 'bar', REPLACE_SOON: 'bar warn', REPLACE: 'bar over' };

/** The bar of an item with a wear limit; null without one (a bike, by default). */
export function wearBar({ wearPercent, wearStatus }: WearFigures): WearBar | null {
  if (wearPercent == null || !Number.isFinite(wearPercent)) return null;
  return {
    className: BAR_CLASS[wearStatus],
    width: Math.min(Math.max(wearPercent, 0), 100),
    percent: Math.floor(wearPercent),
  };
}

/** The warning for an item at 80 % of its limit or past it; null while it is fine. */
export function wearWarning(item: WearFigures, units: Units): string | null {
  const limit = item.limitMeters != null ? formatDistance(item.limitMeters, units) : null;
  if (item.wearStatus === 'REPLACE')
    return limit ? `Worn out: past its ${limit}. Replace it.` : 'Worn out: replace it.';
  if (item.wearStatus === 'REPLACE_SOON') {
    const left =
      item.limitMeters != null ? formatDistance(item.limitMeters - item.distanceMeters, units) : null;
    return left ? `Plan a replacement: ${left} left of its ${limit}.` : 'Plan a replacement soon.';
  }
  return null;
}
