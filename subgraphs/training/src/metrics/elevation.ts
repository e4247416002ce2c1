/**
 * Elevation, per segment over the samples with a valid altitude: a centred median filter (spikes), an
 * exponential low-pass with a time constant, run forwards and backwards (noise, without lag), then
 * hysteresis: a climb or descent counts only once the altitude has turned by the threshold (2 m GPS, 1 m
 * barometric by default), and then counts fully from its extreme.
 * Min/max come from the median-filtered altitude. Gains are credited to the sample where they occur.
 */
import type { MetricsConfig } from './metrics-config';
import type { ValidatedTrack } from './validate-track';

// Globals captured once: inside Jest's sandbox every global lookup in a hot loop is slow.
const { abs: absolute, min: smallest, exp: exponential } = Math;
const isMissing = Number.isNaN;

export interface ElevationTrace {
  gainMeters: number;
  lossMeters: number;
  minMeters: number;
  maxMeters: number;
  /** Gain up to each sample (carried over samples without altitude). */
  cumulativeGain: Float64Array;
}

/** Median of `values[from..to)` using `scratch` (insertion sort: the window is a handful of samples). */
function medianOf(values: Float64Array, from: number, to: number, scratch: Float64Array): number {
  const size = to - from;
  for (let k = 0; k < size; k++) {
    const value = values[from + k]!;
    let slot = k;
    while (slot > 0 && scratch[slot - 1]! > value) {
      scratch[slot] = scratch[slot - 1]!;
      slot -= 1;
    }
    scratch[slot] = value;
  }
  return size % 2 === 1 ? scratch[(size - 1) / 2]! : (scratch[size / 2 - 1]! + scratch[size / 2]!) / 2;
}

/** Hysteresis state within one segment; `direction` 0 until the first turn of at least the threshold. */
interface Climb {
  anchor: number;
  extreme: number;
  direction: -1 | 0 | 1;
}

/** Advances the hysteresis by one smoothed altitude; returns the gain (> 0) or loss (< 0) it confirms. */
function climbStep(climb: Climb, altitude: number, threshold: number): number {
  if (climb.direction === 0) {
    if (absolute(altitude - climb.anchor) < threshold) return 0;
    climb.direction = altitude > climb.anchor ? 1 : -1;
    climb.extreme = altitude;
    return altitude - climb.anchor;
  }
  const beyond = climb.direction === 1 ? altitude > climb.extreme : altitude < climb.extreme;
  if (beyond) {
    const delta = altitude - climb.extreme;
    climb.extreme = altitude;
    return delta;
  }
  if (absolute(altitude - climb.extreme) < threshold) return 0;
  climb.anchor = climb.extreme;
  climb.direction = climb.direction === 1 ? -1 : 1;
  climb.extreme = altitude;
  return altitude - climb.anchor;
}

/** Centred median of each altitude within its segment; the window narrows symmetrically at the ends. */
function medianFilter(
  altitudes: Float64Array,
  segmentOf: Int32Array,
  count: number,
  halfWindow: number,
): Float64Array {
  const filtered = new Float64Array(count);
  const scratch = new Float64Array(2 * halfWindow + 1);
  let segmentFrom = 0;
  let segmentTo = 0;
  for (let k = 0; k < count; k++) {
    if (k >= segmentTo) {
      segmentFrom = k;
      segmentTo = k + 1;
      while (segmentTo < count && segmentOf[segmentTo] === segmentOf[k]) segmentTo += 1;
    }
    const half = smallest(halfWindow, k - segmentFrom, segmentTo - 1 - k);
    filtered[k] = medianOf(altitudes, k - half, k + half + 1, scratch);
  }
  return filtered;
}

/**
 * Exponential low-pass run forwards then backwards over values[from..to), each pass started on an odd
 * reflection of the edge (as filtfilt does), so that there is neither lag nor a bias at the segment's ends.
 * `factors[k]` is the weight of sample k against the state carried from k − 1: it follows the time between
 * samples, so dense 1 Hz noise is smoothed hard and a sparse track (a point every 20 s) barely at all.
 */
function zeroPhaseLowPass(
  values: Float64Array,
  from: number,
  to: number,
  factors: Float64Array,
  out: Float64Array,
) {
  const edge = factors[Math.min(from + 1, to - 1)]!;
  const pad = Math.min(Math.ceil(4 / edge), to - from - 1);
  const first = values[from]!;
  let state = 2 * first - values[from + pad]!;
  for (let j = pad - 1; j >= 1; j--) state += edge * (2 * first - values[from + j]! - state);
  for (let k = from; k < to; k++) {
    state += (k === from ? edge : factors[k]!) * (values[k]! - state);
    out[k] = state;
  }
  const last = out[to - 1]!;
  const tail = factors[to - 1]!;
  state = 2 * last - out[to - 1 - pad]!;
  for (let j = pad - 1; j >= 1; j--) state += tail * (2 * last - out[to - 1 - j]! - state);
  for (let k = to - 1; k >= from; k--) {
    state += (k === to - 1 ? tail : factors[k + 1]!) * (out[k]! - state);
    out[k] = state;
  }
}

/** The low-pass weight of each sample: 1 − e^(−Δt/τ), or the fixed factor for samples without time. */
function lowPassFactors(times: Float64Array, count: number, settings: MetricsConfig['altitude']) {
  const factors = new Float64Array(count).fill(settings.lowPassFactor);
  for (let k = 1; k < count; k++) {
    const step = (times[k]! - times[k - 1]!) / 1000;
    if (step > 0) factors[k] = 1 - exponential(-step / settings.lowPassTimeConstantSeconds);
  }
  return factors;
}

/** The low-pass applied to each segment of the series separately. */
function smoothBySegment(values: Float64Array, segmentOf: Int32Array, count: number, factors: Float64Array) {
  const smoothed = new Float64Array(count);
  let from = 0;
  while (from < count) {
    let to = from + 1;
    while (to < count && segmentOf[to] === segmentOf[from]) to += 1;
    zeroPhaseLowPass(values, from, to, factors, smoothed);
    from = to;
  }
  return smoothed;
}

export function computeElevation(
  track: ValidatedTrack,
  barometric: boolean,
  config: MetricsConfig,
): ElevationTrace | null {
  const { altitude: raw, segment, length } = track;
  const settings = config.altitude;
  const threshold = barometric ? settings.hysteresisBarometricMeters : settings.hysteresisGpsMeters;
  const indices = new Int32Array(length);
  const altitudes = new Float64Array(length);
  const times = new Float64Array(length);
  const segmentOf = new Int32Array(length);
  let count = 0;
  for (let index = 0; index < length; index++) {
    if (isMissing(raw[index]!)) continue;
    indices[count] = index;
    altitudes[count] = raw[index]!;
    times[count] = track.time[index]!;
    segmentOf[count] = segment[index]!;
    count += 1;
  }
  if (count === 0) return null;

  const halfWindow = Math.max(0, Math.floor(settings.medianWindowSamples / 2));
  const medians = medianFilter(altitudes, segmentOf, count, halfWindow);
  const smoothed = smoothBySegment(medians, segmentOf, count, lowPassFactors(times, count, settings));
  const cumulativeGain = new Float64Array(length);
  const climb: Climb = { anchor: 0, extreme: 0, direction: 0 };
  let gain = 0;
  let loss = 0;
  let min = Infinity;
  let max = -Infinity;
  let cursor = 0;
  for (let k = 0; k < count; k++) {
    const index = indices[k]!;
    for (; cursor < index; cursor++) cumulativeGain[cursor] = gain;
    const median = medians[k]!;
    if (median < min) min = median;
    if (median > max) max = median;
    const altitude = smoothed[k]!;
    if (k === 0 || segmentOf[k] !== segmentOf[k - 1]) {
      climb.anchor = altitude;
      climb.extreme = altitude;
      climb.direction = 0;
    } else {
      const change = climbStep(climb, altitude, threshold);
      if (change > 0) gain += change;
      else loss -= change;
    }
    cumulativeGain[index] = gain;
    cursor = index + 1;
  }
  for (; cursor < length; cursor++) cumulativeGain[cursor] = gain;
  return { gainMeters: gain, lossMeters: loss, minMeters: min, maxMeters: max, cumulativeGain };
}
