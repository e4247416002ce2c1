/**
 * Synthetic tracks with stops whose positions scatter as a standing phone's do, for the stop detector's
 * tests: a path of straight legs on a local plane (loops, climbs, out-and-backs), moving at a constant
 * speed between stops, sampled every few seconds (with jitter if asked), and the truth to compare with.
 */
import { seededRandom, START_MS } from './synthetic-tracks';
import { emptySample, type Track, type TrackSample } from './track';

/** East/north metres from the start. */
export type Point = readonly [number, number];

/** How the fixes of a standing athlete scatter around the true point (metres). */
export type Scatter =
  | { kind: 'SQUARE'; meters: number }
  | { kind: 'DISC'; meters: number }
  | { kind: 'GAUSSIAN'; sigma: number; clip: number }
  /** A fix that wanders: each one `keep` of the way from the last, the rest fresh square scatter. */
  | { kind: 'WANDERING'; meters: number; keep: number };

/** Moving at `speedMps` for `seconds`, or standing still (`speedMps` 0). */
export interface Stretch {
  seconds: number;
  speedMps: number;
}

export interface ScatteredScenario {
  path: readonly Point[];
  stretches: readonly Stretch[];
  /** Seconds between fixes; `jitter` (0 to 0.5) varies each by up to that fraction. */
  intervalSeconds: number;
  jitter?: number;
  scatter: Scatter;
  /** Altitude along the path (metres at metres travelled), and its scatter while standing (± metres). */
  altitude?: (meters: number) => number;
  altitudeScatterMeters?: number;
  seed: number;
}

export interface ScatteredTrack {
  track: Track;
  elapsedSeconds: number;
  /** Elapsed minus the time standing. */
  movingSeconds: number;
  /** Length of the path travelled. */
  meters: number;
  /**
   * Length of the path through the true positions at the fixes' times: `meters` less the corners that
   * sparse fixes cut, which no method recovers. The reference for distance.
   */
  recordedMeters: number;
  /** Climb along the path travelled (without scatter). */
  gainMeters: number;
}

const METERS_PER_DEGREE = (6_378_137 * Math.PI) / 180;
const ORIGIN = { latitude: 46.05, longitude: 14.5 };

/** A closed polygon of `corners` corners and the given perimeter, starting and ending at (0, 0). */
export function loop(perimeterMeters: number, corners: number): Point[] {
  const radius = perimeterMeters / (2 * corners * Math.sin(Math.PI / corners));
  return Array.from({ length: corners + 1 }, (_unused, k): Point => {
    const angle = (2 * Math.PI * k) / corners;
    return [radius * Math.cos(angle) - radius, radius * Math.sin(angle)];
  });
}

/** The point `meters` along the path (its end beyond). */
export function pointAlong(path: readonly Point[], meters: number): Point {
  let rest = meters;
  for (let k = 1; k < path.length; k++) {
    const [[x0, y0], [x1, y1]] = [path[k - 1]!, path[k]!];
    const length = Math.hypot(x1 - x0, y1 - y0);
    if (rest <= length)
      return length > 0 ? [x0 + ((x1 - x0) * rest) / length, y0 + ((y1 - y0) * rest) / length] : [x0, y0];
    rest -= length;
  }
  return path[path.length - 1]!;
}

function scatterer(scatter: Scatter, random: () => number): () => Point {
  const square = (meters: number): Point => [(random() - 0.5) * 2 * meters, (random() - 0.5) * 2 * meters];
  switch (scatter.kind) {
    case 'SQUARE':
      return () => square(scatter.meters);
    case 'DISC':
      return () => {
        const [radius, angle] = [scatter.meters * Math.sqrt(random()), 2 * Math.PI * random()];
        return [radius * Math.cos(angle), radius * Math.sin(angle)];
      };
    case 'GAUSSIAN':
      return () => {
        for (;;) {
          const radius = scatter.sigma * Math.sqrt(-2 * Math.log(1 - random()));
          const angle = 2 * Math.PI * random();
          if (radius <= scatter.clip) return [radius * Math.cos(angle), radius * Math.sin(angle)];
        }
      };
    case 'WANDERING': {
      let [east, north] = square(scatter.meters);
      const fresh = Math.sqrt(1 - scatter.keep * scatter.keep);
      return () => {
        const [e, n] = square(scatter.meters);
        [east, north] = [scatter.keep * east + fresh * e, scatter.keep * north + fresh * n];
        return [east, north];
      };
    }
  }
}

export function scatteredTrack(scenario: ScatteredScenario): ScatteredTrack {
  const random = seededRandom(scenario.seed);
  const scatter = scatterer(scenario.scatter, random);
  const elapsedSeconds = scenario.stretches.reduce((sum, stretch) => sum + stretch.seconds, 0);
  /** Metres travelled after `second`, and whether the athlete stands at that moment. */
  const at = (second: number) => {
    let [meters, from] = [0, 0];
    for (const stretch of scenario.stretches) {
      const within = Math.min(stretch.seconds, Math.max(0, second - from));
      meters += within * stretch.speedMps;
      if (second > from && second < from + stretch.seconds)
        return { meters, standing: stretch.speedMps === 0 };
      from += stretch.seconds;
    }
    return { meters, standing: false };
  };
  const times: number[] = [];
  for (let second = 0; second < elapsedSeconds;) {
    times.push(second);
    const jitter = (scenario.jitter ?? 0) * (2 * random() - 1);
    second = Math.round((second + scenario.intervalSeconds * (1 + jitter)) * 1000) / 1000;
  }
  times.push(elapsedSeconds);
  const metersPerDegreeEast = METERS_PER_DEGREE * Math.cos((ORIGIN.latitude * Math.PI) / 180);
  let recordedMeters = 0;
  let previous: Point | null = null;
  const samples = times.map((second): TrackSample => {
    const { meters, standing } = at(second);
    const [x, y] = pointAlong(scenario.path, meters);
    if (previous) recordedMeters += Math.hypot(x - previous[0], y - previous[1]);
    previous = [x, y];
    const [dx, dy] = standing ? scatter() : [0, 0];
    const altitudeNoise = standing ? (2 * random() - 1) * (scenario.altitudeScatterMeters ?? 0) : 0;
    return {
      ...emptySample(START_MS + second * 1000),
      latitude: ORIGIN.latitude + (y + dy) / METERS_PER_DEGREE,
      longitude: ORIGIN.longitude + (x + dx) / metersPerDegreeEast,
      altitude: scenario.altitude ? scenario.altitude(meters) + altitudeNoise : null,
    };
  });
  const standingSeconds = scenario.stretches.reduce((sum, s) => sum + (s.speedMps === 0 ? s.seconds : 0), 0);
  const meters = at(elapsedSeconds).meters;
  let gainMeters = 0;
  if (scenario.altitude) {
    for (let travelled = 1; travelled <= Math.ceil(meters); travelled++) {
      const climb = scenario.altitude(Math.min(travelled, meters)) - scenario.altitude(travelled - 1);
      if (climb > 0) gainMeters += climb;
    }
  }
  return {
    track: { samples, pauses: [] },
    elapsedSeconds,
    movingSeconds: elapsedSeconds - standingSeconds,
    meters,
    recordedMeters,
    gainMeters,
  };
}
