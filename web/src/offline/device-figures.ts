/** Figures a recording computes on the device, without the server: haversine distance, climb, time, heart rate. */

/** One sample of a recording, as it is stored and sent (`recordTelemetry`). Times in ms since the epoch. */
export interface Sample {
  time: number;
  latitude: number | null;
  longitude: number | null;
  altitude: number | null;
  heartRate: number | null;
  cadence: number | null;
  power: number | null;
  speed: number | null;
}

export interface DeviceFigures {
  sampleCount: number;
  distanceMeters: number;
  elevationGainMeters: number;
  heartRate: number | null;
  firstTime: number | null;
  lastTime: number | null;
  lastPosition: { latitude: number; longitude: number } | null;
  lastAltitude: number | null;
}

export const NO_FIGURES: DeviceFigures = {
  sampleCount: 0,
  distanceMeters: 0,
  elevationGainMeters: 0,
  heartRate: null,
  firstTime: null,
  lastTime: null,
  lastPosition: null,
  lastAltitude: null,
};

/** The WGS 84 equatorial radius, as the GPX fixtures' reference distances use. */
const EARTH_RADIUS_METERS = 6_378_137;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

export function haversineMeters(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function withSample(figures: DeviceFigures, sample: Sample): DeviceFigures {
  const position =
    sample.latitude !== null && sample.longitude !== null
      ? { latitude: sample.latitude, longitude: sample.longitude }
      : null;
  const step = position && figures.lastPosition ? haversineMeters(figures.lastPosition, position) : 0;
  const climb =
    sample.altitude !== null && figures.lastAltitude !== null
      ? Math.max(0, sample.altitude - figures.lastAltitude)
      : 0;
  return {
    sampleCount: figures.sampleCount + 1,
    distanceMeters: figures.distanceMeters + step,
    elevationGainMeters: figures.elevationGainMeters + climb,
    heartRate: sample.heartRate ?? figures.heartRate,
    firstTime: figures.firstTime ?? sample.time,
    lastTime: Math.max(figures.lastTime ?? sample.time, sample.time),
    lastPosition: position ?? figures.lastPosition,
    lastAltitude: sample.altitude ?? figures.lastAltitude,
  };
}
