/**
 * Whether the positions a stop candidate holds between arrival and departure stand still (`stops.ts`),
 * rather than a walk that doubles back near one point: a U-turn, a switchback, a slow walk under noise.
 */
import type { MetricsConfig } from './metrics-config';
import { stepsAndTurns, type PositionSeries } from './position-series';

/** A stop candidate in series positions (`entry`/`exit`: the positions on the way in and out). */
export interface StopCandidate {
  entry: number;
  exit: number;
  arrivalMs: number;
  departureMs: number;
  entryMeters: number;
  exitMeters: number;
  /** East and north metres of the centre. */
  centre: [number, number];
}

const mean = (values: Float64Array) => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * Whether `positions` (at least 8) move on steadily under their scatter: the speed fitted through them by
 * least squares reaches the threshold and `driftSignificance` times its standard error. A slow walk
 * recorded with noise as large as its steps looks like scatter step by step, but not as a whole.
 */
function drifts(
  series: PositionSeries,
  positions: readonly number[],
  thresholdMps: number,
  settings: MetricsConfig['stops'],
): boolean {
  const { seconds, east, north } = series;
  const count = positions.length;
  if (count < 8) return false;
  let [t0, e0, n0] = [0, 0, 0];
  for (const k of positions) {
    t0 += seconds[k]! / count;
    e0 += east[k]! / count;
    n0 += north[k]! / count;
  }
  let [tt, te, tn] = [0, 0, 0];
  for (const k of positions) {
    const dt = seconds[k]! - t0;
    tt += dt * dt;
    te += dt * (east[k]! - e0);
    tn += dt * (north[k]! - n0);
  }
  const [ve, vn] = [te / tt, tn / tt];
  // Scatter that wanders (each fix near the last) has fewer independent fixes than positions, which
  // widens the standard error by √((1 + r)/(1 − r)), r the lag-1 correlation of the residuals.
  let [squares, lagged, previousEast, previousNorth] = [0, 0, 0, 0];
  positions.forEach((k, j) => {
    const dt = seconds[k]! - t0;
    const [re, rn] = [east[k]! - e0 - ve * dt, north[k]! - n0 - vn * dt];
    squares += re * re + rn * rn;
    if (j > 0) lagged += re * previousEast + rn * previousNorth;
    [previousEast, previousNorth] = [re, rn];
  });
  const correlation = Math.min(0.95, Math.max(0, lagged / squares));
  const widening = Math.sqrt((1 + correlation) / (1 - correlation));
  const standardError = widening * Math.sqrt(squares / (2 * (count - 2)) / tt);
  const speed = Math.hypot(ve, vn);
  return speed >= thresholdMps && speed > settings.driftSignificance * standardError;
}

/**
 * The positions between arrival and departure stand still when they do not move at all, or when they do
 * not drift and jump about as scatter does: the mean change of velocity from step to step (entry and exit
 * included) is at least `smoothnessRatio` times the mean speed. Independent or wandering fixes give 1.4 to
 * 1.7; a walk, a crawl, a U-turn or a switchback, a fraction of it (and a crawl is the step rule's to
 * judge).
 */
export function standsStill(
  series: PositionSeries,
  stop: StopCandidate,
  thresholdMps: number,
  settings: MetricsConfig['stops'],
): boolean {
  const { timeMs } = series;
  const inside: number[] = [];
  for (let k = stop.entry; k <= stop.exit; k++) {
    if (timeMs[k]! >= stop.arrivalMs && timeMs[k]! <= stop.departureMs) inside.push(k);
  }
  if (drifts(series, inside, thresholdMps, settings)) return false;
  const path = inside.slice();
  if (path[0] !== stop.entry) path.unshift(stop.entry);
  if (path[path.length - 1] !== stop.exit) path.push(stop.exit);
  if (path.length < 3) return true;
  const { speeds, turns } = stepsAndTurns(series, path);
  const meanSpeed = mean(speeds);
  return !(meanSpeed > 0) || mean(turns) >= settings.smoothnessRatio * meanSpeed;
}
