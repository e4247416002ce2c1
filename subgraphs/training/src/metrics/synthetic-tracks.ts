/**
 * Deterministic synthetic tracks of known geometry, for the engine's tests and benchmark: 1 Hz samples
 * moving north along a meridian (1° of latitude = R·π/180 m exactly on the haversine sphere) and a seeded
 * pseudo-random generator for reproducible noise.
 */
import { METRICS_CONFIG } from './metrics-config';
import { emptySample, type Track, type TrackSample } from './track';

export const START_MS = Date.UTC(2025, 5, 1, 6, 0, 0);
export const BASE_LATITUDE = 45;
export const MERIDIAN_LONGITUDE = 6;
export const METERS_PER_DEGREE = (METRICS_CONFIG.earthRadiusMeters * Math.PI) / 180;

/** The position `meters` north of the base point along the meridian. */
export const northOf = (meters: number) => ({
  latitude: BASE_LATITUDE + meters / METERS_PER_DEGREE,
  longitude: MERIDIAN_LONGITUDE,
});

/** Uniform pseudo-random numbers in [0, 1) from a 32-bit seed (linear congruential generator). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

/** A stretch of constant speed; 0 = standing still. */
export interface Leg {
  seconds: number;
  speedMps: number;
}

/** Metres covered after `second` seconds of the legs (the last leg's end beyond it). */
export function metersAfter(legs: readonly Leg[], second: number): number {
  let meters = 0;
  let remaining = second;
  for (const leg of legs) {
    const seconds = Math.min(leg.seconds, remaining);
    meters += seconds * leg.speedMps;
    remaining -= seconds;
    if (remaining <= 0) break;
  }
  return meters;
}

export const totalSeconds = (legs: readonly Leg[]) => legs.reduce((sum, leg) => sum + leg.seconds, 0);

/** Samples at t = 0, 1, ..., `seconds` s after `startMs`, each filled in by `describe`. */
export function samplesAt1Hz(
  seconds: number,
  describe: (second: number) => Partial<TrackSample>,
  startMs: number = START_MS,
): TrackSample[] {
  const samples: TrackSample[] = [];
  for (let second = 0; second <= seconds; second++) {
    samples.push({ ...emptySample(startMs + second * 1000), ...describe(second) });
  }
  return samples;
}

/** One sample `second` seconds after the start, with the given channels. */
export const emptySampleAt = (second: number, channels: Partial<TrackSample> = {}): TrackSample => ({
  ...emptySample(START_MS + second * 1000),
  ...channels,
});

/** A track north along the meridian following `legs`; `extra` adds channels per second. */
export function meridianTrack(
  legs: readonly Leg[],
  extra: (second: number, meters: number) => Partial<TrackSample> = () => ({}),
): Track {
  const samples = samplesAt1Hz(totalSeconds(legs), (second) => {
    const meters = metersAfter(legs, second);
    return { ...northOf(meters), ...extra(second, meters) };
  });
  return { samples, pauses: [] };
}
