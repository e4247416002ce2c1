/**
 * Track validation: copies each channel into a typed array where a missing or implausible value is NaN,
 * tallies the problems as flags, and numbers the segments (a new one at each `segmentStarts` index and at
 * the first timed sample after a device pause). The input track is never mutated.
 */
import type { MetricsConfig, ValueRange } from './metrics-config';
import { tallyFlag, type FlagTallies } from './flag-tally';
import { mergePauses } from './pauses';
import type { PauseInterval, Track, TrackSample } from './track';
import type { TrackFlagCode } from './workout-metrics';

// Globals captured once: inside Jest's sandbox every global lookup in a hot loop is slow.
const { abs: absolute } = Math;
const isMissing = Number.isNaN;
const isFiniteNumber = Number.isFinite;

/** The range of a JavaScript Date (and of a stored `recordedAt`), ms either side of the epoch. */
export const MAX_TIME_MS = 8.64e15;

/**
 * A number that can be an instant. Further out it is not a time at all, and differences of such numbers
 * overflow to Infinity (1.7e308 − (−1.7e308)).
 */
export const isTimestamp = (value: number | null | undefined): value is number =>
  typeof value === 'number' && isFiniteNumber(value) && absolute(value) <= MAX_TIME_MS;

export interface ValidatedTrack {
  length: number;
  /** ms since the epoch; NaN when missing or not after the previous accepted time. */
  time: Float64Array;
  /** Degrees; NaN when missing or out of range (both coordinates together). */
  latitude: Float64Array;
  longitude: Float64Array;
  /** Each NaN when missing or outside its plausible range. */
  altitude: Float64Array;
  heartRate: Float64Array;
  cadence: Float64Array;
  power: Float64Array;
  speed: Float64Array;
  /** Segment number of each sample: nothing (distance, time) is counted between two segments. */
  segment: Int32Array;
  /** Device pauses, sorted and merged. */
  pauses: PauseInterval[];
  tallies: FlagTallies;
}

type ChannelName = 'altitude' | 'heartRate' | 'cadence' | 'power' | 'speed';

function validateChannel(
  samples: readonly TrackSample[],
  channel: ChannelName,
  range: ValueRange,
  code: TrackFlagCode,
  tallies: FlagTallies,
): Float64Array {
  const values = new Float64Array(samples.length).fill(NaN);
  for (let index = 0; index < samples.length; index++) {
    const value = samples[index]![channel];
    if (value == null) continue;
    if (isFiniteNumber(value) && value >= range.min && value <= range.max) values[index] = value;
    else tallyFlag(tallies, code, index);
  }
  return values;
}

function validateTimes(samples: readonly TrackSample[], tallies: FlagTallies): Float64Array {
  const time = new Float64Array(samples.length).fill(NaN);
  let previous = -Infinity;
  for (let index = 0; index < samples.length; index++) {
    const value = samples[index]!.time;
    if (!isTimestamp(value)) tallyFlag(tallies, 'MISSING_TIME', index);
    else if (value <= previous) tallyFlag(tallies, 'NON_MONOTONIC_TIME', index);
    else {
      time[index] = value;
      previous = value;
    }
  }
  return time;
}

function validatePositions(samples: readonly TrackSample[], config: MetricsConfig, tallies: FlagTallies) {
  const latitude = new Float64Array(samples.length).fill(NaN);
  const longitude = new Float64Array(samples.length).fill(NaN);
  for (let index = 0; index < samples.length; index++) {
    const { latitude: lat, longitude: lon } = samples[index]!;
    if (lat == null || lon == null) continue;
    const inRange = isFiniteNumber(lat) && isFiniteNumber(lon) && absolute(lat) <= 90 && absolute(lon) <= 180;
    const nullIsland = config.coordinates.rejectNullIsland && lat === 0 && lon === 0;
    if (inRange && !nullIsland) {
      latitude[index] = lat;
      longitude[index] = lon;
    } else tallyFlag(tallies, 'COORDINATES_OUT_OF_RANGE', index);
  }
  return { latitude, longitude };
}

/** Segment numbers: +1 at each listed segment start and at a timed sample whose step overlaps a pause. */
function numberSegments(track: Track, time: Float64Array, pauses: readonly PauseInterval[]): Int32Array {
  const length = track.samples.length;
  const startsSegment = new Uint8Array(length);
  for (const index of track.segmentStarts ?? []) {
    if (Number.isInteger(index) && index > 0 && index < length) startsSegment[index] = 1;
  }
  const segment = new Int32Array(length);
  let current = 0;
  let previousTime = NaN;
  let pauseIndex = 0;
  for (let index = 0; index < length; index++) {
    if (startsSegment[index] === 1) current += 1;
    const sampleTime = time[index]!;
    if (!isMissing(sampleTime)) {
      if (!isMissing(previousTime)) {
        while (pauseIndex < pauses.length && pauses[pauseIndex]!.to <= previousTime) pauseIndex += 1;
        const pause = pauses[pauseIndex];
        // The step (previousTime, sampleTime] overlaps the pause [from, to).
        if (pause && pause.from <= sampleTime && startsSegment[index] === 0) current += 1;
      }
      previousTime = sampleTime;
    }
    segment[index] = current;
  }
  return segment;
}

export function validateTrack(
  track: Track,
  maxPlausibleSpeedMps: number,
  config: MetricsConfig,
): ValidatedTrack {
  const { samples } = track;
  const tallies: FlagTallies = {};
  const time = validateTimes(samples, tallies);
  const { latitude, longitude } = validatePositions(samples, config, tallies);
  const channel = (name: ChannelName, range: ValueRange, code: TrackFlagCode) =>
    validateChannel(samples, name, range, code, tallies);
  const altitude = channel('altitude', config.altitude.range, 'ALTITUDE_OUT_OF_RANGE');
  const heartRate = channel('heartRate', config.heartRate.range, 'HEART_RATE_OUT_OF_RANGE');
  const cadence = channel('cadence', config.cadence.range, 'CADENCE_OUT_OF_RANGE');
  const power = channel('power', config.power.range, 'POWER_OUT_OF_RANGE');
  const speed = channel('speed', { min: 0, max: maxPlausibleSpeedMps }, 'SPEED_OUT_OF_RANGE');
  const pauses = mergePauses(track.pauses);
  const segment = numberSegments(track, time, pauses);
  return {
    length: samples.length,
    time,
    latitude,
    longitude,
    altitude,
    heartRate,
    cadence,
    power,
    speed,
    segment,
    pauses,
    tallies,
  };
}
