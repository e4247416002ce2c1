/**
 * Draws a track without a map: an equirectangular projection (longitudes shrunk by the cosine of the track's
 * mean latitude, so that a kilometre east is as long as a kilometre north) fitted and centred in a view.
 */
import { boundingBox, type LatLon, type Point } from './mercator';

/** The positions of the series where both coordinates are known, in order. */
export function positionsOf(
  latitudes: readonly (number | null)[],
  longitudes: readonly (number | null)[],
): LatLon[] {
  const positions: LatLon[] = [];
  for (let i = 0; i < latitudes.length; i++) {
    const lat = latitudes[i];
    const lon = longitudes[i];
    if (lat == null || lon == null || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    positions.push({ lat, lon });
  }
  return positions;
}

/** The points in view coordinates (y grows downwards), fitted into `width` × `height` within `padding`. */
export function projectEquirectangular(
  positions: readonly LatLon[],
  width: number,
  height: number,
  padding = 16,
): Point[] {
  const box = boundingBox(positions);
  if (!box) return [];
  const cosLat = Math.cos((((box.south + box.north) / 2) * Math.PI) / 180);
  const spanX = (box.east - box.west) * cosLat;
  const spanY = box.north - box.south;
  const innerWidth = width - 2 * padding;
  const innerHeight = height - 2 * padding;
  // One scale for both axes keeps the track's shape; a single point (no span) sits in the middle.
  const scale = Math.min(
    spanX > 0 ? innerWidth / spanX : Infinity,
    spanY > 0 ? innerHeight / spanY : Infinity,
  );
  const factor = Number.isFinite(scale) ? scale : 0;
  const offsetX = (width - spanX * factor) / 2;
  const offsetY = (height - spanY * factor) / 2;
  return positions.map(({ lat, lon }) => ({
    x: offsetX + (lon - box.west) * cosLat * factor,
    y: offsetY + (box.north - lat) * factor,
  }));
}

/** The `points` attribute of an SVG polyline, to a tenth of a pixel. */
export const polylinePoints = (points: readonly Point[]): string =>
  points.map(({ x, y }) => `${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`).join(' ');
