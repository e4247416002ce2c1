/**
 * A track as a map preview: simplified to at most MAX_PREVIEW_POINTS positions (Ramer–Douglas–Peucker, its
 * tolerance doubled until few enough remain; the kept points are points of the track), then encoded with
 * Google's polyline algorithm at precision 5 (1e-5°, about 1 m). Written here: the algorithm is a few lines.
 */
export const MAX_PREVIEW_POINTS = 200;

export interface LatLng {
  latitude: number;
  longitude: number;
}

/** One signed value of the polyline algorithm: zig-zag, then 5-bit chunks from the low end, +63. */
function encodeValue(value: number): string {
  let rest = value < 0 ? ~(value << 1) : value << 1;
  let out = '';
  while (rest >= 0x20) {
    out += String.fromCharCode((0x20 | (rest & 0x1f)) + 63);
    rest >>= 5;
  }
  return out + String.fromCharCode(rest + 63);
}

/** Google's encoded polyline (precision 5) of the points, in order. */
export function encodePolyline(points: readonly LatLng[]): string {
  let out = '';
  let [lastLat, lastLng] = [0, 0];
  for (const { latitude, longitude } of points) {
    const [lat, lng] = [Math.round(latitude * 1e5), Math.round(longitude * 1e5)];
    out += encodeValue(lat - lastLat) + encodeValue(lng - lastLng);
    [lastLat, lastLng] = [lat, lng];
  }
  return out;
}

/** The points of an encoded polyline (precision 5): the inverse of encodePolyline. */
export function decodePolyline(encoded: string): LatLng[] {
  const points: LatLng[] = [];
  let [index, lat, lng] = [0, 0, 0];
  const next = (): number => {
    let [shift, result] = [0, 0];
    let byte: number;
    do {
      byte = encoded.charCodeAt(index++) - 63;
      result |= (byte & 0x1f) << shift;
      shift += 5;
    } while (byte >= 0x20);
    return result & 1 ? ~(result >> 1) : result >> 1;
  };
  while (index < encoded.length) {
    lat += next();
    lng += next();
    points.push({ latitude: lat / 1e5, longitude: lng / 1e5 });
  }
  return points;
}

const METRES_PER_DEGREE = 111_320;

/** Distance in metres from p to the segment a–b, on a local flat projection (fine at preview scale). */
function offSegment(p: LatLng, a: LatLng, b: LatLng): number {
  const k = Math.cos((a.latitude * Math.PI) / 180);
  const [ax, ay] = [a.longitude * k, a.latitude];
  const [dx, dy] = [b.longitude * k - ax, b.latitude - ay];
  const [px, py] = [p.longitude * k - ax, p.latitude - ay];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / length2));
  return Math.hypot(px - t * dx, py - t * dy) * METRES_PER_DEGREE;
}

/** Indexes kept by Ramer–Douglas–Peucker at `tolerance` metres (iterative: long tracks do not recurse deep). */
function douglasPeucker(points: readonly LatLng[], tolerance: number): number[] {
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [from, to] = stack.pop()!;
    let [farthest, distance] = [-1, tolerance];
    for (let i = from + 1; i < to; i++) {
      const d = offSegment(points[i]!, points[from]!, points[to]!);
      if (d > distance) [farthest, distance] = [i, d];
    }
    if (farthest < 0) continue;
    keep[farthest] = 1;
    stack.push([from, farthest], [farthest, to]);
  }
  return points.flatMap((_, i) => (keep[i] ? [i] : []));
}

/** At most `max` of the points, in order, keeping the track's shape; the first and last always. */
export function simplify(points: readonly LatLng[], max = MAX_PREVIEW_POINTS): LatLng[] {
  if (points.length <= max) return [...points];
  // Thinned first to a few thousand, so that the repeated passes stay cheap on a day-long recording.
  const step = Math.ceil(points.length / (max * 20));
  const thinned = points.filter((_, i) => i % step === 0 || i === points.length - 1);
  for (let tolerance = 1; ; tolerance *= 2) {
    const kept = douglasPeucker(thinned, tolerance);
    if (kept.length <= max) return kept.map((i) => thinned[i]!);
  }
}

/** The preview of a track's positions: null when it has none. */
export function mapPreviewOf(points: readonly LatLng[]): string | null {
  return points.length ? encodePolyline(simplify(points)) : null;
}
