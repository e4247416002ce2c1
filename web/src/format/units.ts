/** Figures as the athlete reads them: metric or imperial, rounded the way sport apps show them. */
export type Units = 'METRIC' | 'IMPERIAL';

const METRES_PER_MILE = 1_609.344;
const FEET_PER_METRE = 3.280_84;

export function formatDistance(metres: number | null | undefined, units: Units): string {
  if (metres == null) return '–';
  if (units === 'IMPERIAL') return `${(metres / METRES_PER_MILE).toFixed(2)} mi`;
  return metres < 1_000 ? `${Math.round(metres)} m` : `${(metres / 1_000).toFixed(2)} km`;
}

/** Distance as a bare number in the athlete's long unit (km or mi), for charts and axes. */
export function distanceValue(metres: number, units: Units): number {
  return units === 'IMPERIAL' ? metres / METRES_PER_MILE : metres / 1_000;
}

export const distanceUnit = (units: Units) => (units === 'IMPERIAL' ? 'mi' : 'km');

export function formatElevation(metres: number | null | undefined, units: Units): string {
  if (metres == null) return '–';
  return units === 'IMPERIAL' ? `${Math.round(metres * FEET_PER_METRE)} ft` : `${Math.round(metres)} m`;
}

export const elevationValue = (metres: number, units: Units) =>
  units === 'IMPERIAL' ? metres * FEET_PER_METRE : metres;

export const elevationUnit = (units: Units) => (units === 'IMPERIAL' ? 'ft' : 'm');

/** Pace from seconds per kilometre: "5:07 /km" or "8:14 /mi". */
export function formatPace(secondsPerKm: number | null | undefined, units: Units): string {
  if (secondsPerKm == null || !Number.isFinite(secondsPerKm) || secondsPerKm <= 0) return '–';
  const perUnit = units === 'IMPERIAL' ? secondsPerKm * (METRES_PER_MILE / 1_000) : secondsPerKm;
  return `${clock(perUnit)} /${distanceUnit(units)}`;
}

/** Pace from a speed in m/s, for streams and live figures. */
export function paceFromSpeed(metresPerSecond: number | null | undefined, units: Units): string {
  if (metresPerSecond == null || metresPerSecond <= 0.3) return '–';
  return formatPace(1_000 / metresPerSecond, units);
}

export function formatSpeed(metresPerSecond: number | null | undefined, units: Units): string {
  if (metresPerSecond == null) return '–';
  return units === 'IMPERIAL'
    ? `${((metresPerSecond * 3_600) / METRES_PER_MILE).toFixed(1)} mph`
    : `${(metresPerSecond * 3.6).toFixed(1)} km/h`;
}

/** A duration as h:mm:ss (or m:ss under an hour). */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds)) return '–';
  return clock(seconds);
}

function clock(totalSeconds: number): string {
  const rounded = Math.round(totalSeconds);
  const hours = Math.floor(rounded / 3_600);
  const minutes = Math.floor((rounded % 3_600) / 60);
  const seconds = rounded % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

export function formatHeartRate(bpm: number | null | undefined): string {
  if (bpm == null || !Number.isFinite(bpm)) return '–';
  return `${Math.round(bpm)} bpm`;
}

export function formatCalories(kcal: number | null | undefined): string {
  if (kcal == null || !Number.isFinite(kcal)) return '–';
  return `${Math.round(kcal)} kcal`;
}
