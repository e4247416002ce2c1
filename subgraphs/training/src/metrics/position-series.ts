/**
 * The timed accepted positions of a track on a local plane, for the stop detector: east/north metres from
 * the first position (each step projected at its own latitude, so the plane is true wherever a stop lies),
 * seconds from the first time, and the continuous run each position belongs to (same segment, no step
 * longer than the max gap): nothing is judged across two runs.
 */
import type { DistanceTrace } from './distance';
import type { ValidatedTrack } from './validate-track';

// Globals captured once: inside Jest's sandbox every global lookup in a hot loop is slow.
const { cos, sqrt, PI } = Math;
const isMissing = Number.isNaN;
const RADIANS_PER_DEGREE = PI / 180;

export interface PositionSeries {
  count: number;
  /** Track index of each position. */
  index: Int32Array;
  /** Milliseconds since the epoch (as validated). */
  timeMs: Float64Array;
  /** Seconds since the first position. */
  seconds: Float64Array;
  east: Float64Array;
  north: Float64Array;
  /** Continuous run number. */
  run: Int32Array;
}

/** Longitude difference in (−180, 180]: a step across the date line is a short one. */
const wrapDegrees = (delta: number) => delta - 360 * Math.round(delta / 360);

export function positionSeries(
  track: ValidatedTrack,
  distance: DistanceTrace,
  maxGapMs: number,
  earthRadiusMeters: number,
): PositionSeries {
  const { time, latitude, longitude, segment } = track;
  const metersPerDegree = earthRadiusMeters * RADIANS_PER_DEGREE;
  const index = new Int32Array(track.length);
  let count = 0;
  for (let i = 0; i < track.length; i++) {
    if (distance.accepted[i] === 1 && !isMissing(time[i]!)) index[count++] = i;
  }
  const series: PositionSeries = {
    count,
    index: index.subarray(0, count),
    timeMs: new Float64Array(count),
    seconds: new Float64Array(count),
    east: new Float64Array(count),
    north: new Float64Array(count),
    run: new Int32Array(count),
  };
  if (count === 0) return series;
  const firstMs = time[index[0]!]!;
  let run = 0;
  for (let k = 0; k < count; k++) {
    const i = index[k]!;
    series.timeMs[k] = time[i]!;
    series.seconds[k] = (time[i]! - firstMs) / 1000;
    if (k === 0) continue;
    const previous = index[k - 1]!;
    if (segment[previous] !== segment[i] || time[i]! - time[previous]! > maxGapMs) run += 1;
    series.run[k] = run;
    const meanLatitude = ((latitude[i]! + latitude[previous]!) / 2) * RADIANS_PER_DEGREE;
    series.north[k] = series.north[k - 1]! + (latitude[i]! - latitude[previous]!) * metersPerDegree;
    series.east[k] =
      series.east[k - 1]! +
      wrapDegrees(longitude[i]! - longitude[previous]!) * metersPerDegree * cos(meanLatitude);
  }
  return series;
}

/**
 * The speed fitted by least squares (east and north against time) over the positions of the same run
 * within ±half the window of each position; NaN where the window holds fewer than `minSamples`. Unlike one
 * step's implied speed, it is not fooled by scatter: scatter of ±3 m moves the fitted speed of a 20 s
 * window at 1 Hz by about 0.1 m/s, while a walk keeps its speed.
 */
export function fittedSpeeds(
  series: PositionSeries,
  windowSeconds: number,
  minSamples: number,
): Float64Array {
  const { count, seconds, east, north, run } = series;
  const speeds = new Float64Array(count).fill(NaN);
  const half = windowSeconds / 2;
  // Running sums over the whole series of values taken relative to each run's first position (small
  // numbers, so that a window's sums, differences of these, keep their precision); a window never spans
  // two runs.
  const sumT = new Float64Array(count + 1);
  const sumTT = new Float64Array(count + 1);
  const sumE = new Float64Array(count + 1);
  const sumN = new Float64Array(count + 1);
  const sumTE = new Float64Array(count + 1);
  const sumTN = new Float64Array(count + 1);
  let origin = 0;
  for (let k = 0; k < count; k++) {
    if (run[k] !== run[origin]) origin = k;
    const t = seconds[k]! - seconds[origin]!;
    const e = east[k]! - east[origin]!;
    const n = north[k]! - north[origin]!;
    sumT[k + 1] = sumT[k]! + t;
    sumTT[k + 1] = sumTT[k]! + t * t;
    sumE[k + 1] = sumE[k]! + e;
    sumN[k + 1] = sumN[k]! + n;
    sumTE[k + 1] = sumTE[k]! + t * e;
    sumTN[k + 1] = sumTN[k]! + t * n;
  }
  let lo = 0;
  let hi = 0;
  for (let k = 0; k < count; k++) {
    if (run[lo] !== run[k]) lo = k;
    while (seconds[k]! - seconds[lo]! > half) lo += 1;
    if (hi < k) hi = k;
    while (hi + 1 < count && run[hi + 1] === run[k] && seconds[hi + 1]! - seconds[k]! <= half) hi += 1;
    const samples = hi - lo + 1;
    if (samples < minSamples) continue;
    const [from, to] = [lo, hi + 1];
    const t = sumT[to]! - sumT[from]!;
    const tt = sumTT[to]! - sumTT[from]! - (t * t) / samples;
    if (!(tt > 0)) continue;
    const te = sumTE[to]! - sumTE[from]! - (t * (sumE[to]! - sumE[from]!)) / samples;
    const tn = sumTN[to]! - sumTN[from]! - (t * (sumN[to]! - sumN[from]!)) / samples;
    const [ve, vn] = [te / tt, tn / tt];
    const speed = sqrt(ve * ve + vn * vn);
    if (speed < Infinity) speeds[k] = speed;
  }
  return speeds;
}

/** The value of rank `rank` (0-based) among `values`, which it partly reorders (quickselect). */
function selectRank(values: Float64Array, rank: number): number {
  let [from, to] = [0, values.length - 1];
  while (from < to) {
    const pivot = values[(from + to) >> 1]!;
    let [i, j] = [from, to];
    while (i <= j) {
      while (values[i]! < pivot) i += 1;
      while (values[j]! > pivot) j -= 1;
      if (i <= j) {
        [values[i], values[j]] = [values[j]!, values[i]!];
        i += 1;
        j -= 1;
      }
    }
    if (rank <= j) to = j;
    else if (rank >= i) from = i;
    else return values[rank]!;
  }
  return values[rank]!;
}

/** Median of `values`, which it reorders (pass a copy); NaN when empty. Linear time, no full sort. */
export function medianInPlace(values: Float64Array): number {
  const size = values.length;
  if (size === 0) return NaN;
  const upper = selectRank(values, size >> 1);
  return size % 2 === 1 ? upper : (selectRank(values, (size >> 1) - 1) + upper) / 2;
}

/** Velocity (east, north, m/s) between two positions of the series, in time order whatever their order. */
export function velocityBetween(series: PositionSeries, a: number, b: number): [number, number] {
  const [from, to] = a < b ? [a, b] : [b, a];
  const dt = series.seconds[to]! - series.seconds[from]!;
  return [(series.east[to]! - series.east[from]!) / dt, (series.north[to]! - series.north[from]!) / dt];
}

/**
 * Along `path` (series positions in time order): the speed of each step, and the change of velocity at
 * each inner position (how sharply the path turns or changes pace there, m/s).
 */
export function stepsAndTurns(series: PositionSeries, path: readonly number[]) {
  const { seconds, east, north } = series;
  const steps = Math.max(0, path.length - 1);
  const speeds = new Float64Array(steps);
  const turns = new Float64Array(Math.max(0, steps - 1));
  let [previousEast, previousNorth] = [0, 0];
  for (let j = 0; j < steps; j++) {
    const [a, b] = [path[j]!, path[j + 1]!];
    const dt = seconds[b]! - seconds[a]!;
    const ve = (east[b]! - east[a]!) / dt;
    const vn = (north[b]! - north[a]!) / dt;
    speeds[j] = Math.hypot(ve, vn);
    if (j > 0) turns[j - 1] = Math.hypot(ve - previousEast, vn - previousNorth);
    [previousEast, previousNorth] = [ve, vn];
  }
  return { speeds, turns };
}
