/** What the add-gear form and the default-gear control send: distances in metres, dates as instants. */
import type { Sport } from '../../__generated__/enums';
import type { Units } from '../../format/units';

const METRES_PER_MILE = 1_609.344;

/** A distance typed in the athlete's long unit (km or mi) in metres; null when the field is empty. */
export function metresFrom(typed: string, units: Units): number | null {
  const trimmed = typed.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return Number.NaN;
  return Math.round(value * (units === 'IMPERIAL' ? METRES_PER_MILE : 1_000));
}

/** The first instant of a calendar day (`2026-03-02`) in the zone, as an ISO date-time. */
export function startOfDayIn(localDate: string, timeZone: string): string {
  const asUtc = Date.parse(`${localDate}T00:00:00Z`);
  // The zone's offset at that moment, read back from how the zone shows it; applied twice so that a day
  // starting right after a daylight-saving change lands on the right side of it.
  let instant = asUtc - offsetMs(asUtc, timeZone);
  instant = asUtc - offsetMs(instant, timeZone);
  return new Date(instant).toISOString();
}

function offsetMs(at: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(at))
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  const shown = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
  return shown - Math.floor(at / 1_000) * 1_000;
}

export interface DefaultableGear {
  id: string;
  kind: string;
  status: string;
  defaultForSports: readonly Sport[];
}

/**
 * The defaults of a sport once `chosen` becomes one: it replaces the sport's default of the same kind (new
 * shoes replace the old ones) and keeps those of other kinds (a heart-rate strap stays).
 */
export function defaultsAfterChoosing(
  gear: readonly DefaultableGear[],
  sport: Sport,
  chosenId: string,
): string[] {
  const chosen = gear.find((item) => item.id === chosenId);
  if (!chosen) return [];
  const kept = gear.filter(
    (item) =>
      item.id !== chosenId &&
      item.status === 'ACTIVE' &&
      item.kind !== chosen.kind &&
      item.defaultForSports.includes(sport),
  );
  return [...kept.map((item) => item.id), chosenId];
}

/** The defaults of a sport without `removedId`. */
export function defaultsWithout(gear: readonly DefaultableGear[], sport: Sport, removedId: string): string[] {
  return gear
    .filter(
      (item) => item.id !== removedId && item.status === 'ACTIVE' && item.defaultForSports.includes(sport),
    )
    .map((item) => item.id);
}
