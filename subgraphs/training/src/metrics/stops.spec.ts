import fc from 'fast-check';
import type { Sport } from '../../../../lib/sports';
import { computeMetrics } from './compute-metrics';
import { loop, scatteredTrack, type Point, type Scatter, type ScatteredScenario } from './scattered-tracks';
import { scatteredStops } from './track-arbitraries';
import type { WorkoutMetrics } from './workout-metrics';

const SQUARE_3M: Scatter = { kind: 'SQUARE', meters: 3 };

/** The bounds of issue 12: moving time within ±5 s of elapsed minus the stops, distance within 0.5 %. */
function expectTrueFigures(sport: Sport, scenario: ScatteredScenario): WorkoutMetrics {
  const truth = scatteredTrack(scenario);
  const metrics = computeMetrics(sport, truth.track, {});
  expect(Math.abs(metrics.movingSeconds! - truth.movingSeconds)).toBeLessThanOrEqual(5);
  expect(Math.abs(metrics.distanceMeters - truth.recordedMeters) / truth.recordedMeters).toBeLessThanOrEqual(
    0.005,
  );
  return metrics;
}

/** `moving` seconds at `speedMps` around each stop of `stops` seconds. */
const stopsAmong = (speedMps: number, moving: number, stops: readonly number[]) => [
  ...stops.flatMap((seconds) => [
    { seconds: moving, speedMps },
    { seconds, speedMps: 0 },
  ]),
  { seconds: moving, speedMps },
];

/** A straight line `meters` long heading north-east, climbing `grade` (0.3: 30 %). */
const straight = (meters: number): Point[] => [
  [0, 0],
  [meters / Math.SQRT2, meters / Math.SQRT2],
];

describe('stops (positions scattering while the athlete stands still)', () => {
  it('leaves the two stops of issue 12 out of distance and moving time (loop run, scatter within 1 m)', () => {
    const stretches = stopsAmong(3, 600, [120, 300]);
    const metrics = expectTrueFigures('RUN', {
      path: loop(5401, 24),
      stretches,
      intervalSeconds: 1,
      scatter: { kind: 'DISC', meters: 1 },
      seed: 12,
    });
    expect(metrics.elapsedSeconds).toBe(2220);
    expect(metrics.averageSpeedMps).toBeCloseTo(3, 2);
  });

  it.each([
    ['RUN', 3, 1],
    ['RUN', 3.5, 5],
    ['RIDE', 7, 1],
    ['RIDE', 5, 4],
    ['WALK', 1, 1],
    ['WALK', 1, 3],
    ['HIKE', 0.6, 1],
    ['HIKE', 0.6, 5],
  ] as const)(
    '%s at %s m/s, a fix every %s s: stops of 20 s, 2 and 5 min with ±3 m scatter',
    (sport, speed, interval) => {
      const stretches = stopsAmong(speed, 400, [20, 120, 300]);
      expectTrueFigures(sport, {
        path: loop(1600 * speed + 1, 16),
        stretches,
        intervalSeconds: interval,
        scatter: SQUARE_3M,
        seed: 7 * interval,
      });
    },
  );

  it('holds its bounds for any loop, sport, sampling (1–5 s, irregular), stop lengths and scatter up to ±3 m', () => {
    fc.assert(
      fc.property(scatteredStops, ({ sport, scenario }) => {
        expectTrueFigures(sport, scenario);
      }),
      { numRuns: 150 },
    );
  });

  it('counts a slow steep climb at 0.6 m/s as moving, and its stops as stops', () => {
    const climb = (meters: number) => 1200 + 0.3 * meters;
    for (const intervalSeconds of [1, 5]) {
      const steady = scatteredTrack({
        path: straight(1200),
        stretches: [{ seconds: 1800, speedMps: 0.6 }],
        intervalSeconds,
        scatter: SQUARE_3M,
        altitude: climb,
        seed: 1,
      });
      const metrics = computeMetrics('HIKE', steady.track, {});
      expect(metrics.movingSeconds).toBe(1800);
      expect(metrics.distanceMeters).toBeCloseTo(1080, 0);
      expect(Math.abs(metrics.elevationGainMeters! - 324)).toBeLessThanOrEqual(3);

      const resting = expectTrueFigures('HIKE', {
        path: straight(1200),
        stretches: stopsAmong(0.6, 450, [20, 120, 300]),
        intervalSeconds,
        scatter: SQUARE_3M,
        altitude: climb,
        altitudeScatterMeters: 3,
        seed: 2,
      });
      expect(Math.abs(resting.elevationGainMeters! - 324)).toBeLessThanOrEqual(3);
    }
  });

  it('keeps a walk at 1 m/s and a stroll at 0.4 m/s (above the hike threshold) moving', () => {
    for (const [sport, speedMps] of [
      ['WALK', 1],
      ['HIKE', 0.4],
    ] as const) {
      const { track } = scatteredTrack({
        path: loop(1201, 12),
        stretches: [{ seconds: 1200, speedMps }],
        intervalSeconds: 1,
        scatter: SQUARE_3M,
        seed: 3,
      });
      expect(computeMetrics(sport, track, {}).movingSeconds).toBe(1200);
    }
  });

  it('finds no stop in a U-turn or on a switchback climb, and no stop where a sparse fix cuts a hairpin', () => {
    const outAndBack: Point[] = [
      [0, 0],
      [0, 600],
      [0.5, 0],
    ];
    const switchbacks = Array.from({ length: 40 }, (_unused, k): Point => [k % 2 === 0 ? 0 : 40, 10 * k]);
    for (const [path, speedMps] of [
      [outAndBack, 1],
      [switchbacks, 0.6],
      [switchbacks, 1],
    ] as const) {
      for (const intervalSeconds of [1, 2, 3, 5]) {
        const { track } = scatteredTrack({
          path,
          stretches: [{ seconds: 900, speedMps }],
          intervalSeconds,
          scatter: SQUARE_3M,
          seed: 4,
        });
        expect(computeMetrics('HIKE', track, {}).movingSeconds).toBe(900);
      }
    }
  });

  it('takes out a stop at the start (waiting for satellites) and one at the end (before pressing stop)', () => {
    expectTrueFigures('RUN', {
      path: loop(3001, 16),
      stretches: [
        { seconds: 90, speedMps: 0 },
        { seconds: 1000, speedMps: 3 },
        { seconds: 60, speedMps: 0 },
      ],
      intervalSeconds: 1,
      scatter: SQUARE_3M,
      seed: 5,
    });
  });

  it('takes out a stop whose fixes wander rather than jump', () => {
    expectTrueFigures('RUN', {
      path: loop(3601, 16),
      stretches: stopsAmong(3, 400, [120, 300]),
      intervalSeconds: 1,
      scatter: { kind: 'WANDERING', meters: 3, keep: 0.8 },
      seed: 6,
    });
  });

  it('does not count altitude scatter while standing as climbing', () => {
    for (const [intervalSeconds, altitudeScatterMeters] of [
      [1, 5],
      [5, 3],
    ] as const) {
      const { track } = scatteredTrack({
        path: loop(4201, 16),
        stretches: stopsAmong(7, 300, [300, 300]),
        intervalSeconds,
        scatter: SQUARE_3M,
        altitude: () => 250,
        altitudeScatterMeters,
        seed: 8,
      });
      const metrics = computeMetrics('RIDE', track, {});
      expect(metrics).toMatchObject({ elevationGainMeters: 0, elevationLossMeters: 0 });
    }
  });

  it('reads splits, best efforts and max speed along the same path', () => {
    const truth = scatteredTrack({
      path: loop(3601, 24),
      stretches: stopsAmong(3, 400, [120, 300]),
      intervalSeconds: 1,
      scatter: SQUARE_3M,
      seed: 9,
    });
    const metrics = computeMetrics('RUN', truth.track, {});
    const { kilometre } = metrics.splits;
    const sum = (key: 'distanceMeters' | 'movingSeconds') =>
      kilometre.reduce((total, split) => total + split[key], 0);
    expect(sum('distanceMeters')).toBeCloseTo(metrics.distanceMeters, 0);
    expect(Math.abs(sum('movingSeconds') - metrics.movingSeconds!)).toBeLessThanOrEqual(0.5);
    expect(kilometre.map((split) => split.distanceMeters)).toEqual([1000, 1000, 1000, expect.any(Number)]);
    // Scatter makes no kilometre faster than the 3 m/s run, and stops are wall-clock time in an effort.
    const oneK = metrics.bestEfforts.find((effort) => effort.name === '1k')!;
    expect(oneK.seconds).toBeGreaterThanOrEqual(333);
    expect(metrics.maxSpeedMps).toBeLessThan(3.05);
  });
});
