/**
 * Judges one seed of the stop detector (`stops.ts`): grows its cluster, finds where the athlete arrived and
 * left, re-centres, and says whether it is a stop. Works on the local plane of `position-series.ts`.
 */
import type { MetricsConfig } from './metrics-config';
import { medianInPlace, stepsAndTurns, velocityBetween, type PositionSeries } from './position-series';
import { standsStill, type StopCandidate } from './stop-stillness';

/** What judging a seed found: the cluster it looked at (first..last) and the stop, if it is one. */
export interface Judgement {
  first: number;
  last: number;
  candidate: StopCandidate | null;
}

/** An arrival or departure: the position on the way in or out, when the centre was reached or left. */
interface Edge {
  position: number;
  ms: number;
  meters: number;
  /** The approach speed (NaN when the run begins or ends within the cluster). */
  speed: number;
}

/** −1: the way in (arrival), +1: the way out (departure). */
type Side = -1 | 1;

const turn = (u: [number, number], v: [number, number]) => Math.hypot(u[0] - v[0], u[1] - v[1]);
const speedOf = (v: [number, number]) => Math.hypot(v[0], v[1]);

/**
 * `owner` marks the positions inside accepted stops (−1 elsewhere), `accepted` lists them: a new cluster
 * never reaches into one, and may share its entry or exit position.
 */
export function createStopJudge(
  series: PositionSeries,
  owner: Int32Array,
  accepted: readonly StopCandidate[],
  thresholdMps: number,
  settings: MetricsConfig['stops'],
) {
  const { count, east, north, run, seconds, timeMs } = series;
  const sameRun = (k: number, r: number) => k >= 0 && k < count && run[k] === r;
  const owned = (k: number) => k >= 0 && k < count && owner[k]! >= 0;
  const apart = (a: number, b: number) => Math.hypot(east[a]! - east[b]!, north[a]! - north[b]!);
  const velocity = (a: number, b: number) => velocityBetween(series, a, b);

  /**
   * The approach speed beyond `outer` (the first position outside the cluster), over `approachSeconds` and
   * at least 6 steps: the median step speed of a smooth path (a corner or a turnaround does not slow it),
   * the straight-line speed across a path that jitters (scatter lengthens every step). Next to another
   * stop, the speed of that stop's leg. NaN when there is none.
   */
  const approachSpeed = (outer: number, side: Side) => {
    if (owned(outer + side)) {
      const neighbour = accepted[owner[outer + side]!]!;
      const [legMeters, legMs] =
        side === -1
          ? [neighbour.exitMeters, timeMs[neighbour.exit]! - neighbour.departureMs]
          : [neighbour.entryMeters, neighbour.arrivalMs - timeMs[neighbour.entry]!];
      return legMs > 0 ? (legMeters * 1000) / legMs : NaN;
    }
    const r = run[outer]!;
    const path = [outer];
    for (
      let k = outer + side;
      sameRun(k, r) &&
      !owned(k) &&
      (path.length < 7 || Math.abs(seconds[k]! - seconds[outer]!) <= settings.approachSeconds);
      k += side
    ) {
      path.push(k);
    }
    if (path.length < 2) return NaN;
    path.sort((a, b) => a - b);
    const { speeds, turns } = stepsAndTurns(series, path);
    const typical = medianInPlace(speeds);
    if (turns.length < 3 || medianInPlace(turns) < settings.smoothnessRatio * typical) return typical;
    const [from, to] = [path[0]!, path[path.length - 1]!];
    return apart(from, to) / (seconds[to]! - seconds[from]!);
  };

  /**
   * Whether the step between `inner` and `edge` continues the approach: at about its speed (within a
   * factor 2) and smoothly, or round a corner at `edge` after which the path runs on smoothly. `strict`
   * (near the centre, where a standing athlete's fixes may wander like a slow walk): within a third of the
   * speed, hardly turning, no corner.
   */
  const continuesApproach = (inner: number, edge: number, side: Side, speed: number, strict: boolean) => {
    const r = run[edge]!;
    const [factor, turning] = strict ? [4 / 3, settings.smoothnessRatio / 2] : [2, settings.smoothnessRatio];
    const inBand = (v: [number, number]) =>
      speedOf(v) >= thresholdMps && speedOf(v) >= speed / factor && speedOf(v) <= speed * factor;
    const smooth = (u: [number, number], v: [number, number]) => turn(u, v) < turning * speed;
    const step = velocity(inner, edge);
    if (!inBand(step)) return false;
    const outer = edge + side;
    if (!sameRun(outer, r) || owned(outer) || smooth(step, velocity(edge, outer))) return true;
    const further = inner - side;
    if (strict || !sameRun(further, r)) return false;
    const next = velocity(further, inner);
    return inBand(next) && smooth(next, step);
  };

  /** The positions from..to (inclusive) that `keep` takes; their centre (componentwise median); their spread. */
  const pick = (from: number, to: number, keep: (k: number) => boolean) => {
    const picked: number[] = [];
    for (let k = from; k <= to; k++) if (keep(k)) picked.push(k);
    return picked;
  };
  const valuesAt = (values: Float64Array, positions: readonly number[]) => {
    const picked = new Float64Array(positions.length);
    for (let j = 0; j < positions.length; j++) picked[j] = values[positions[j]!]!;
    return picked;
  };
  const centreOf = (positions: readonly number[]): [number, number] => [
    medianInPlace(valuesAt(east, positions)),
    medianInPlace(valuesAt(north, positions)),
  ];
  const typicalOffset = (positions: readonly number[], [e, n]: [number, number]) => {
    const offsets = new Float64Array(positions.length);
    for (let j = 0; j < positions.length; j++) {
      const k = positions[j]!;
      offsets[j] = Math.hypot(east[k]! - e, north[k]! - n);
    }
    return medianInPlace(offsets);
  };

  return (seed: number): Judgement => {
    const r = run[seed]!;
    const half = settings.windowSeconds / 2;
    let [lo, hi] = [seed, seed];
    while (sameRun(lo - 1, r) && seconds[seed]! - seconds[lo - 1]! <= half) lo -= 1;
    while (sameRun(hi + 1, r) && seconds[hi + 1]! - seconds[seed]! <= half) hi += 1;
    let centre = centreOf(pick(lo, hi, () => true));
    // The cluster's radius and the scatter's reach widen with the scatter the stop shows (a phone that
    // scatters by 10 m rather than 3).
    let radius = settings.radiusMeters;
    let scatter = settings.scatterMeters;
    const offCentre = (k: number) => Math.hypot(east[k]! - centre[0], north[k]! - centre[1]);

    /** The furthest position towards `side` within the radius (stray fixes skipped). */
    const reach = (side: Side) => {
      let edge = seed;
      let missed = 0;
      for (let k = seed + side; sameRun(k, r) && !owned(k) && !owned(k + side); k += side) {
        if (offCentre(k) <= radius) {
          edge = k;
          missed = 0;
        } else if (++missed > settings.outlierSamples) break;
      }
      return edge;
    };

    /** Where the athlete arrived (side −1) or left (side +1), from the cluster's outermost position. */
    const edgeOf = (side: Side, outermost: number): Edge => {
      const outer = outermost + side;
      if (!sameRun(outer, r) || owned(outer)) {
        return { position: outermost, ms: timeMs[outermost]!, meters: 0, speed: NaN };
      }
      const speed = approachSpeed(outer, side);
      // An approach slower than the threshold (a crawl) reached the centre at its own speed; without any,
      // the stop starts at its first position (ends at its last).
      if (!(speed >= thresholdMps)) {
        const meters = offCentre(outer);
        const crawledMs = timeMs[outer]! - side * (meters / speed) * 1000;
        return { position: outer, ms: speed > 0 ? crawledMs : timeMs[outermost]!, meters, speed };
      }
      // Followed towards the stop while each step continues the approach, in direction and in time: at
      // its speed, the path walked so far takes the time it took (a scatter fix rarely fits both).
      const chain = [outer];
      let walked = 0;
      for (let k = outer - side; k !== seed && sameRun(k, r); k -= side) {
        const edge = chain[chain.length - 1]!;
        if (!continuesApproach(k, edge, side, speed, offCentre(k) <= scatter)) break;
        walked += apart(k, edge);
        const expected = speed * Math.abs(seconds[outer]! - seconds[k]!);
        if (Math.abs(walked - expected) > Math.max(settings.pathToleranceMeters, 0.1 * expected)) break;
        chain.push(k);
      }
      // How far short of the centre (on the way in; past it, on the way out) a position lies along the
      // direction of travel: the edge is the innermost position that has not overshot the centre.
      const ahead = (k: number) => {
        const [from, to] = side === 1 ? [k, k + 1] : [k - 1, k];
        const [ve, vn] = sameRun(from, r) && sameRun(to, r) ? velocity(from, to) : [NaN, NaN];
        const offset = ((east[k]! - centre[0]) * ve + (north[k]! - centre[1]) * vn) / Math.hypot(ve, vn);
        return Number.isFinite(offset) ? side * offset : offCentre(k);
      };
      while (chain.length > 1 && !(ahead(chain[chain.length - 1]!) > 0)) chain.pop();
      const edge = chain[chain.length - 1]!;
      // The way left to the centre along the direction of travel: a centre estimated a little to the side
      // of the path (a handful of fixes) neither lengthens the legs nor shortens the stop. Straight-line
      // distance when the centre lies well off that direction (a turn at the stop).
      const straight = offCentre(edge);
      const along = ahead(edge);
      const meters = along >= straight / 2 ? along : straight;
      return { position: edge, ms: timeMs[edge]! - side * (meters / speed) * 1000, meters, speed };
    };

    /**
     * Whether the athlete, arriving (side +1: leaving, side −1) at `speed`, kept moving from `from` to the
     * run's end (start) rather than standing there: every step but one (a corner cut short) continues the
     * one before.
     */
    const movesOn = (from: number, side: Side, speed: number) => {
      let misses = 0;
      for (let k = from; sameRun(k + side, r); k += side) {
        if (!continuesApproach(k + side, k, side === 1 ? -1 : 1, speed, false) && ++misses > 1) return false;
      }
      return true;
    };

    let first = seed;
    let last = seed;
    let arrival: Edge = { position: seed, ms: timeMs[seed]!, meters: 0, speed: NaN };
    let departure = arrival;
    for (let pass = 0; pass <= settings.refinements; pass++) {
      first = reach(-1);
      last = reach(1);
      arrival = edgeOf(-1, first);
      departure = edgeOf(1, last);
      const [inMs, outMs] = [timeMs[arrival.position]!, timeMs[departure.position]!];
      arrival.ms = Math.min(Math.max(arrival.ms, inMs), outMs);
      departure.ms = Math.max(Math.min(departure.ms, outMs), inMs);
      // Re-centring settles a stop; a walk through is told at once (and is most of the seeds of a slow one).
      const brief = departure.ms - arrival.ms < (settings.minSeconds * 1000) / 2;
      if (pass === settings.refinements || brief) break;
      const during = pick(arrival.position, departure.position, (k) => {
        return timeMs[k]! >= arrival.ms && timeMs[k]! <= departure.ms;
      });
      if (during.length === 0) break;
      centre = centreOf(during);
      const widening = typicalOffset(during, centre) / settings.typicalScatterMeters;
      radius = settings.radiusMeters * Math.min(settings.maxWidening, Math.max(1, widening));
      scatter = settings.scatterMeters * Math.min(settings.maxWidening, Math.max(1, widening));
    }
    const candidate: StopCandidate = {
      entry: arrival.position,
      exit: departure.position,
      arrivalMs: arrival.ms,
      departureMs: departure.ms,
      entryMeters: arrival.meters,
      exitMeters: departure.meters,
      centre,
    };
    // A run that ends (or starts) within the cluster ends standing there, unless it kept moving to the end.
    const atEnd = Number.isNaN(departure.speed) && !sameRun(departure.position + 1, r);
    const atStart = Number.isNaN(arrival.speed) && !sameRun(arrival.position - 1, r);
    const movingThrough =
      (atEnd && arrival.speed >= thresholdMps && movesOn(arrival.position, 1, arrival.speed)) ||
      (atStart && departure.speed >= thresholdMps && movesOn(departure.position, -1, departure.speed));
    const lasting = !movingThrough && departure.ms - arrival.ms >= settings.minSeconds * 1000;
    const finite = Number.isFinite(arrival.meters) && Number.isFinite(departure.meters);
    const stop = lasting && finite && standsStill(series, candidate, thresholdMps, settings);
    return { first, last, candidate: stop ? candidate : null };
  };
}
