/**
 * The path with its stops taken out, as every figure reads it: within a stop the positions are replaced by
 * the straight legs entry → centre and centre → exit, and the centre is held from arrival to departure.
 * Distance, moving time, speeds, splits and best efforts walk this path, and the altitude is held level
 * while standing, so that they agree with each other.
 */
import type { DistanceTrace } from './distance';
import type { Stop } from './stops';
import type { ValidatedTrack } from './validate-track';

// Globals captured once: inside Jest's sandbox every global lookup in a hot loop is slow.
const { min: smaller, max: larger } = Math;
const isMissing = Number.isNaN;

const fraction = (value: number, from: number, to: number) =>
  to > from ? smaller(1, larger(0, (value - from) / (to - from))) : 1;

/** Metres along the stop's legs from its entry position at time `ms` (between entry and exit). */
function metersIntoStop(stop: Stop, entryMs: number, exitMs: number, ms: number): number {
  if (ms <= stop.fromMs) return stop.entryMeters * fraction(ms, entryMs, stop.fromMs);
  if (ms <= stop.toMs) return stop.entryMeters;
  return stop.entryMeters + stop.exitMeters * fraction(ms, stop.toMs, exitMs);
}

/** The distance trace along the path without stops (the input when there are none). */
export function withoutStops(track: ValidatedTrack, distance: DistanceTrace, stops: readonly Stop[]) {
  if (stops.length === 0) return distance;
  const { time, length } = track;
  const raw = distance.cumulative;
  const cumulative = new Float64Array(length);
  let offset = 0;
  let next = 0;
  for (const stop of stops) {
    for (; next <= stop.entry; next++) cumulative[next] = raw[next]! + offset;
    const base = cumulative[stop.entry]!;
    const entryMs = time[stop.entry]!;
    const exitMs = time[stop.exit]!;
    let carried = base;
    for (; next < stop.exit; next++) {
      if (!isMissing(time[next]!)) carried = base + metersIntoStop(stop, entryMs, exitMs, time[next]!);
      cumulative[next] = carried;
    }
    const end = base + stop.entryMeters + stop.exitMeters;
    cumulative[stop.exit] = end;
    offset = end - raw[stop.exit]!;
    next = stop.exit + 1;
  }
  for (; next < length; next++) cumulative[next] = raw[next]! + offset;
  return { ...distance, cumulative, totalMeters: distance.totalMeters + offset };
}

/**
 * Moving seconds of the step [fromMs, toMs] inside a stop: the parts on the entry and exit legs, each when
 * its own speed reaches the threshold (the legs are straight, so that speed is the approach's).
 */
export function movingSecondsInStop(
  stop: Stop,
  track: ValidatedTrack,
  fromMs: number,
  toMs: number,
  thresholdMps: number,
): number {
  const entryMs = track.time[stop.entry]!;
  const exitMs = track.time[stop.exit]!;
  const overlap = (legFrom: number, legTo: number) =>
    larger(0, smaller(toMs, legTo) - larger(fromMs, legFrom));
  const moves = (meters: number, legMs: number) => legMs > 0 && (meters * 1000) / legMs >= thresholdMps;
  let moving = 0;
  if (moves(stop.entryMeters, stop.fromMs - entryMs)) moving += overlap(entryMs, stop.fromMs);
  if (moves(stop.exitMeters, exitMs - stop.toMs)) moving += overlap(stop.toMs, exitMs);
  return moving / 1000;
}

/** Altitudes with each stop held at the median of the altitudes recorded while standing there. */
export function levelWhileStopped(track: ValidatedTrack, stops: readonly Stop[]): Float64Array {
  const altitude = track.altitude;
  if (stops.length === 0) return altitude;
  const levelled = altitude.slice();
  for (const stop of stops) {
    const standing: number[] = [];
    const during = (i: number) => track.time[i]! >= stop.fromMs && track.time[i]! <= stop.toMs;
    for (let i = stop.entry; i <= stop.exit; i++) {
      if (during(i) && !isMissing(altitude[i]!)) standing.push(altitude[i]!);
    }
    if (standing.length === 0) continue;
    standing.sort((a, b) => a - b);
    const middle = standing.length >> 1;
    const level =
      standing.length % 2 === 1 ? standing[middle]! : (standing[middle - 1]! + standing[middle]!) / 2;
    for (let i = stop.entry; i <= stop.exit; i++) {
      if (during(i) && !isMissing(altitude[i]!)) levelled[i] = level;
    }
  }
  return levelled;
}
