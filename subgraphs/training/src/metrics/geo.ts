/** Great-circle distance on a sphere (2D haversine, no altitude). */

// Globals captured once: inside Jest's sandbox every global lookup in a hot loop is slow.
const { sin, cos, asin, sqrt, min } = Math;
const RADIANS_PER_DEGREE = Math.PI / 180;

export function haversineMeters(
  latitude1: number,
  longitude1: number,
  latitude2: number,
  longitude2: number,
  radiusMeters: number,
): number {
  const halfDeltaLatitude = ((latitude2 - latitude1) * RADIANS_PER_DEGREE) / 2;
  const halfDeltaLongitude = ((longitude2 - longitude1) * RADIANS_PER_DEGREE) / 2;
  const sinLatitude = sin(halfDeltaLatitude);
  const sinLongitude = sin(halfDeltaLongitude);
  const a =
    sinLatitude * sinLatitude +
    cos(latitude1 * RADIANS_PER_DEGREE) * cos(latitude2 * RADIANS_PER_DEGREE) * sinLongitude * sinLongitude;
  return 2 * radiusMeters * asin(min(1, sqrt(a)));
}
