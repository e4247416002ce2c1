/**
 * Turns a workout's streams into chart series against distance: the distance covered at each point (the
 * haversine sum of its positions, scaled to the workout's own distance so that the axis ends where the
 * headline figure says), speed (the device's, else from distance and time around each point), heart rate
 * and altitude. Without positions the series run against time instead.
 */
import type { StreamChannel } from '../../__generated__/enums';

export interface StreamsLike {
  offsets: readonly number[];
  series: readonly { channel: StreamChannel; values: readonly (number | null)[] }[];
}

export interface ChartSeries {
  /** Metres from the start at each point; null when the streams have no positions. */
  distances: number[] | null;
  /** Seconds from the first sample at each point. */
  offsets: number[];
  speedMps: (number | null)[];
  heartRate: (number | null)[];
  altitude: (number | null)[];
  latitude: (number | null)[];
  longitude: (number | null)[];
}

/** The earth radius the metrics engine uses (WGS-84 equatorial), metres. */
const EARTH_RADIUS = 6_378_137;
/** Points on each side of a point whose distance and time give its speed: smooths GPS jitter. */
const SPEED_WINDOW = 2;

export function haversine(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(a)));
}

const channel = (streams: StreamsLike, name: StreamChannel): (number | null)[] => {
  const found = streams.series.find((series) => series.channel === name);
  return found ? [...found.values] : streams.offsets.map(() => null);
};

/** Metres from the start at each point; a point without a position keeps the distance reached before it. */
export function cumulativeDistances(
  latitude: readonly (number | null)[],
  longitude: readonly (number | null)[],
): number[] | null {
  let total = 0;
  let previous: [number, number] | null = null;
  const distances: number[] = [];
  for (let i = 0; i < latitude.length; i++) {
    const lat = latitude[i];
    const lon = longitude[i];
    if (lat != null && lon != null) {
      if (previous) total += haversine(previous[0], previous[1], lat, lon);
      previous = [lat, lon];
    }
    distances.push(total);
  }
  return previous ? distances : null;
}

/** Speed at each point from the distance and time between its neighbours; null where time stands still. */
export function speedsFrom(distances: readonly number[], offsets: readonly number[]): (number | null)[] {
  return distances.map((_, i) => {
    const from = Math.max(0, i - SPEED_WINDOW);
    const to = Math.min(distances.length - 1, i + SPEED_WINDOW);
    const seconds = offsets[to]! - offsets[from]!;
    return seconds > 0 ? (distances[to]! - distances[from]!) / seconds : null;
  });
}

export function chartSeries(
  streams: StreamsLike,
  workoutDistanceMeters: number | null | undefined,
): ChartSeries {
  const latitude = channel(streams, 'LATITUDE');
  const longitude = channel(streams, 'LONGITUDE');
  const raw = cumulativeDistances(latitude, longitude);
  const measured = raw?.[raw.length - 1] ?? 0;
  const factor =
    workoutDistanceMeters != null && workoutDistanceMeters > 0 && measured > 0
      ? workoutDistanceMeters / measured
      : 1;
  const distances = raw?.map((metres) => metres * factor) ?? null;
  const deviceSpeed = channel(streams, 'SPEED');
  const hasDeviceSpeed = deviceSpeed.some((value) => value != null);
  return {
    distances,
    offsets: [...streams.offsets],
    speedMps: hasDeviceSpeed ? deviceSpeed : distances ? speedsFrom(distances, streams.offsets) : deviceSpeed,
    heartRate: channel(streams, 'HEART_RATE'),
    altitude: channel(streams, 'ALTITUDE'),
    latitude,
    longitude,
  };
}

/** Whether a series has anything to draw. */
export const hasValues = (values: readonly (number | null)[]): boolean =>
  values.some((value) => value != null);
