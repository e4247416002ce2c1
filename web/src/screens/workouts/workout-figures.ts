/** A workout's headline figures as the athlete reads them: pace or speed as fits the sport, heart rate, energy. */
import type { Sport } from '../../__generated__/enums';
import { formatPace, formatSpeed, type Units } from '../../format/units';

/** Sports read in speed (km/h, mph) rather than pace: on wheels, skis, boards and boats. */
const SPEED_SPORTS: ReadonlySet<Sport> = new Set<Sport>([
  'RIDE',
  'MOUNTAIN_BIKE_RIDE',
  'GRAVEL_RIDE',
  'E_BIKE_RIDE',
  'VIRTUAL_RIDE',
  'ALPINE_SKI',
  'SNOWBOARD',
  'INLINE_SKATE',
  'WHEELCHAIR',
  'KAYAK',
  'STAND_UP_PADDLE',
  'OTHER',
]);

export const showsSpeed = (sport: Sport): boolean => SPEED_SPORTS.has(sport);

/** Distance over moving time, m/s; null without both. */
export function averageSpeed(
  distanceMeters: number | null | undefined,
  movingSeconds: number | null | undefined,
) {
  if (distanceMeters == null || movingSeconds == null || !(distanceMeters > 0) || !(movingSeconds > 0))
    return null;
  return distanceMeters / movingSeconds;
}

/** "Pace 5:07 /km" or "Speed 24.3 km/h", whichever the sport is read in. */
export function paceOrSpeed(
  sport: Sport,
  distanceMeters: number | null | undefined,
  movingSeconds: number | null | undefined,
  units: Units,
): { label: 'Pace' | 'Speed'; value: string } {
  const speed = averageSpeed(distanceMeters, movingSeconds);
  if (showsSpeed(sport)) return { label: 'Speed', value: formatSpeed(speed, units) };
  return { label: 'Pace', value: formatPace(speed == null ? null : 1_000 / speed, units) };
}

/** Best-effort names as the API gives them (`half_marathon`, `1mile`) in words. */
const EFFORT_NAMES: Record<string, string> = {
  '400m': '400 m',
  '1k': '1 km',
  '1mile': '1 mile',
  '5k': '5 km',
  '10k': '10 km',
  half_marathon: 'Half marathon',
  marathon: 'Marathon',
};

export const bestEffortName = (name: string): string => EFFORT_NAMES[name] ?? name.replaceAll('_', ' ');
