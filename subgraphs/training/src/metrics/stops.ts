/**
 * Stops: stretches where the athlete stood still while the recorded positions scattered around one point.
 * Judged step by step, that scatter (metres a second) looks like movement above any sport's threshold;
 * judged here, it is one point held for a while. The method and every parameter are documented with
 * `METRICS_CONFIG.stops` (metrics-config.ts); in short:
 *
 * 1. Seeds: positions whose speed fitted by least squares over ±10 s is below the sport's threshold (or
 *    0.5 m/s), stillest first. Tracks too sparse for 3 fixes in 20 s are left to the step rule.
 * 2. Cluster: the fixes within 6 m of the seed window's median (one stray fix does not end it).
 * 3. Arrival and departure (`stop-judge.ts`): the approach is followed back towards the centre while its
 *    steps continue it smoothly at its speed; the rest of the way is covered at that speed. A stop is so
 *    timed to a fraction of a sample even at 5 s sampling, and a walk through arrives and leaves at once.
 * 4. The centre is re-estimated from the fixes between arrival and departure, three times, and the radii
 *    widen with the scatter seen there.
 * 5. It is a stop if it lasts 10 s and its fixes stand still (`stop-stillness.ts`): no movement, or scatter
 *    that neither drifts steadily nor follows a smooth line as a walk, a U-turn or a switchback does.
 */
import type { DistanceTrace } from './distance';
import type { MetricsConfig } from './metrics-config';
import { fittedSpeeds, positionSeries } from './position-series';
import { createStopJudge } from './stop-judge';
import type { StopCandidate } from './stop-stillness';
import type { ValidatedTrack } from './validate-track';

/** One stop, in track indices: the path runs entry → centre (arrive) … (leave) centre → exit. */
export interface Stop {
  /** The last timed position on the way in; the stop's first position when the run starts with it. */
  entry: number;
  /** The first timed position on the way out; the stop's last position when the run ends with it. */
  exit: number;
  /** Arrival at and departure from the centre, ms since the epoch (entry time ≤ from ≤ to ≤ exit time). */
  fromMs: number;
  toMs: number;
  /** Metres from the entry position to the centre, and from the centre to the exit position. */
  entryMeters: number;
  exitMeters: number;
}

/** Positions with a fitted speed below `below`, stillest first (ties in track order). */
function stillestFirst(speeds: Float64Array, below: number): Int32Array {
  if (speeds.length >= POSITION_SLOTS) {
    const seeds = Int32Array.from(speeds.keys()).filter((k) => speeds[k]! < below);
    return seeds.sort((a, b) => speeds[a]! - speeds[b]! || a - b);
  }
  // One numeric sort of keys that carry the position in their low bits (a sort with a comparator is
  // several times slower on a long stop): speed in µm/s above, position below.
  const keys = new Float64Array(speeds.length);
  let count = 0;
  for (let k = 0; k < speeds.length; k++) {
    if (speeds[k]! < below) keys[count++] = Math.floor(speeds[k]! * 1e6) * POSITION_SLOTS + k;
  }
  const sorted = keys.subarray(0, count).sort();
  return Int32Array.from(sorted, (key) => key % POSITION_SLOTS);
}
const POSITION_SLOTS = 2 ** 21;

/**
 * Two stops one after the other (nothing recorded between them but their legs) whose centres lie within
 * `radius` are one stop whose fixes wandered off: the legs between them are neither distance nor moving.
 */
function joinWandering(stops: readonly StopCandidate[], radius: number): StopCandidate[] {
  const joined: StopCandidate[] = [];
  for (const stop of stops) {
    const previous = joined[joined.length - 1];
    const near =
      previous &&
      stop.entry <= previous.exit + 1 &&
      Math.hypot(stop.centre[0] - previous.centre[0], stop.centre[1] - previous.centre[1]) <= radius;
    if (!near) joined.push(stop);
    else {
      joined[joined.length - 1] = {
        ...previous,
        exit: stop.exit,
        departureMs: stop.departureMs,
        exitMeters: stop.exitMeters,
        centre: stop.centre,
      };
    }
  }
  return joined;
}

export function detectStops(
  track: ValidatedTrack,
  distance: DistanceTrace,
  thresholdMps: number,
  maxGapMs: number,
  config: MetricsConfig,
): Stop[] {
  if (!(thresholdMps > 0)) return [];
  const series = positionSeries(track, distance, maxGapMs, config.earthRadiusMeters);
  const settings = config.stops;
  const speeds = fittedSpeeds(series, settings.windowSeconds, settings.minWindowSamples);
  const seedBelow = Math.max(thresholdMps, settings.seedSpeedMps);
  const seeds = stillestFirst(speeds, seedBelow);
  if (seeds.length === 0) return [];

  const owner = new Int32Array(series.count).fill(-1);
  const stops: StopCandidate[] = [];
  const judge = createStopJudge(series, owner, stops, thresholdMps, settings);
  // A seed within a cluster already judged is not judged again: it would find the same cluster.
  const judged = new Uint8Array(series.count);
  for (const seed of seeds) {
    if (judged[seed] === 1 || owner[seed]! >= 0) continue;
    const { candidate, first, last } = judge(seed);
    judged.fill(1, first, last + 1);
    if (!candidate) continue;
    owner.fill(stops.length, candidate.entry + 1, candidate.exit);
    stops.push(candidate);
  }
  stops.sort((a, b) => a.entry - b.entry);
  return joinWandering(stops, settings.radiusMeters).map((stop) => ({
    entry: series.index[stop.entry]!,
    exit: series.index[stop.exit]!,
    fromMs: stop.arrivalMs,
    toMs: stop.departureMs,
    entryMeters: stop.entryMeters,
    exitMeters: stop.exitMeters,
  }));
}
