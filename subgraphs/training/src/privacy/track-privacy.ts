/**
 * What others see of an athlete's track (no I/O). Two rules, each hiding positions from everyone but the
 * athlete: privacy zones (circles around home, work, …) and `hideStartEndMeters` (the first and last metres
 * of every track's distance). A hidden sample keeps its time and sensor values; its latitude, longitude and
 * altitude become null. Limits: see ZONE_LIMITS.
 */
import { BadUserInputError } from '../../../../lib/errors/domain-error';
import { haversineMeters } from '../metrics/geo';
import { METRICS_CONFIG } from '../metrics/metrics-config';
import type { TrackSample } from '../metrics/track';

export interface PrivacyZone {
  id: string;
  latitude: number;
  longitude: number;
  radiusMeters: number;
  createdAt: Date;
}

/** An athlete's track privacy: their zones and how much of each track's start and end is hidden. */
export interface TrackPrivacy {
  zones: readonly Pick<PrivacyZone, 'latitude' | 'longitude' | 'radiusMeters'>[];
  hideStartEndMeters: number;
}

export const NO_TRACK_PRIVACY: TrackPrivacy = { zones: [], hideStartEndMeters: 0 };

export const ZONE_LIMITS = {
  minRadiusMeters: 100,
  maxRadiusMeters: 2_000,
  maxZonesPerAthlete: 10,
  maxHideStartEndMeters: 1_600,
  /**
   * A zone hides this much beyond its radius: exports round positions (an encoded polyline to 1e-5°, about
   * 1.1 m), and a point just outside must not round into the circle.
   */
  marginMeters: 2,
} as const;

const EARTH_RADIUS = METRICS_CONFIG.earthRadiusMeters;

/** Checks a zone's centre (WGS 84 degrees) and radius (metres); BAD_USER_INPUT naming the field otherwise. */
export function checkZone(latitude: number, longitude: number, radiusMeters: number): void {
  if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90)
    throw new BadUserInputError('latitude', 'latitude must be from -90 to 90 degrees.');
  if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180)
    throw new BadUserInputError('longitude', 'longitude must be from -180 to 180 degrees.');
  const { minRadiusMeters: min, maxRadiusMeters: max } = ZONE_LIMITS;
  if (!Number.isFinite(radiusMeters) || radiusMeters < min || radiusMeters > max)
    throw new BadUserInputError('radiusMeters', `radiusMeters must be from ${min} to ${max}.`);
}

export function checkHideStartEnd(meters: number): void {
  const max = ZONE_LIMITS.maxHideStartEndMeters;
  if (!Number.isInteger(meters) || meters < 0 || meters > max)
    throw new BadUserInputError('meters', `hideStartEndMeters must be an integer from 0 to ${max}.`);
}

/** Whether a position lies inside (or within the margin of) any of the zones. */
export const insideAnyZone = (latitude: number, longitude: number, zones: TrackPrivacy['zones']): boolean =>
  zones.some(
    (zone) =>
      haversineMeters(latitude, longitude, zone.latitude, zone.longitude, EARTH_RADIUS) <=
      zone.radiusMeters + ZONE_LIMITS.marginMeters,
  );

/** The track with the positions others may not see set to null (time and sensors kept), and those samples. */
export function redactTrack<S extends TrackSample>(
  samples: readonly S[],
  privacy: TrackPrivacy,
): { samples: S[]; hidden: Set<S> } {
  const along = distancesAlong(samples);
  const total = along.reduce<number>((max, d) => (d === null ? max : Math.max(max, d)), 0);
  const trim = privacy.hideStartEndMeters;
  const hidden = new Set<S>();
  const redacted = samples.map((sample, i) => {
    const d = along[i];
    if (d === null || d === undefined || sample.latitude === null || sample.longitude === null) return sample;
    const hide =
      (trim > 0 && (d < trim || total - d < trim)) ||
      insideAnyZone(sample.latitude, sample.longitude, privacy.zones);
    if (!hide) return sample;
    const blank = { ...sample, latitude: null, longitude: null, altitude: null };
    hidden.add(blank);
    return blank;
  });
  return { samples: redacted, hidden };
}

/** Metres along the track at each positioned sample (null for a sample without a position). */
function distancesAlong(samples: readonly TrackSample[]): (number | null)[] {
  let total = 0;
  let previous: { latitude: number; longitude: number } | null = null;
  return samples.map(({ latitude, longitude }) => {
    if (latitude === null || longitude === null) return null;
    if (previous)
      total += haversineMeters(previous.latitude, previous.longitude, latitude, longitude, EARTH_RADIUS);
    previous = { latitude, longitude };
    return total;
  });
}
