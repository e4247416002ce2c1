import { computeMetrics } from './compute-metrics';
import { scatteredTrack, type Point } from './scattered-tracks';
import {
  START_MS,
  meridianTrack,
  metersAfter,
  northOf,
  samplesAt1Hz,
  seededRandom,
  type Leg,
} from './synthetic-tracks';

describe('moving time', () => {
  it('leaves out a 120 s stop in a 30 min run (within 2 s), despite small GPS jitter while standing', () => {
    const legs: Leg[] = [
      { seconds: 900, speedMps: 3 },
      { seconds: 120, speedMps: 0 },
      { seconds: 780, speedMps: 3 },
    ];
    const random = seededRandom(7);
    const samples = samplesAt1Hz(1800, (t) => {
      const jitter = t > 900 && t < 1020 ? (random() - 0.5) * 0.4 : 0;
      return northOf(metersAfter(legs, t) + jitter);
    });
    const metrics = computeMetrics('RUN', { samples, pauses: [] }, {});
    expect(metrics.elapsedSeconds).toBe(1800);
    expect(Math.abs(metrics.movingSeconds! - 1680)).toBeLessThanOrEqual(2);
    expect(metrics.averageSpeedMps).toBeCloseTo(3, 1);
  });

  it('counts a recording gap longer than the max continuous gap as stopped', () => {
    // 3 m/s throughout, but no sample between 300 s and 450 s (longer than the 120 s counted as continuous).
    const samples = samplesAt1Hz(900, (t) => northOf(3 * t)).filter((_sample, t) => t <= 300 || t >= 450);
    const metrics = computeMetrics('RUN', { samples, pauses: [] }, {});
    expect(metrics.elapsedSeconds).toBe(900);
    expect(metrics.movingSeconds).toBe(750);
    expect(metrics.distanceMeters).toBeCloseTo(2700, 1);
  });

  it('is elapsed minus pauses for a sport without a stop threshold (strength)', () => {
    const samples = samplesAt1Hz(3600, () => ({ heartRate: 110 }));
    const pauses = [{ from: START_MS + 600_000, to: START_MS + 1_200_000 }];
    const metrics = computeMetrics('STRENGTH_TRAINING', { samples, pauses }, {});
    expect(metrics.elapsedSeconds).toBe(3600);
    expect(metrics.movingSeconds).toBe(3000);
    expect(metrics.averageSpeedMps).toBeNull();
  });

  it('uses the device speed channel without positions (treadmill)', () => {
    const samples = samplesAt1Hz(1500, (t) => ({ speed: t <= 1200 ? 3 : 0 }));
    const metrics = computeMetrics('TREADMILL_RUN', { samples, pauses: [] }, {});
    expect(metrics.distanceMeters).toBe(0);
    expect(metrics.movingSeconds).toBe(1200);
    expect(metrics.averageSpeedMps).toBe(3);
    expect(metrics.maxSpeedMps).toBe(3);
    expect(metrics.averagePaceSecondsPerKm).toBe(333.3);
  });

  it('is elapsed minus pauses without positions nor speed, and uses the recording bounds', () => {
    const samples = samplesAt1Hz(1800, () => ({ heartRate: 120 }));
    const track = {
      samples,
      pauses: [{ from: START_MS + 100_000, to: START_MS + 400_000 }],
      startedAt: START_MS - 60_000,
      finishedAt: START_MS + 1_860_000,
    };
    const metrics = computeMetrics('ELLIPTICAL', track, {});
    expect(metrics.elapsedSeconds).toBe(1920);
    expect(metrics.movingSeconds).toBe(1620);
  });

  it('reports a max speed not fooled by GPS jitter', () => {
    const random = seededRandom(42);
    const samples = samplesAt1Hz(1200, (t) => northOf(3 * t + (random() - 0.5) * 4));
    const metrics = computeMetrics('RUN', { samples, pauses: [] }, {});
    expect(metrics.maxSpeedMps).toBeGreaterThan(3);
    expect(metrics.maxSpeedMps).toBeLessThan(3.8);
  });
});

describe('moving time, step by step', () => {
  it('does not stop a hiker where a sparse fix cuts a switchback short', () => {
    const switchbacks = Array.from({ length: 40 }, (_unused, k): Point => [k % 2 === 0 ? 0 : 40, 5 * k]);
    for (const intervalSeconds of [3, 5]) {
      const { track } = scatteredTrack({
        path: switchbacks,
        stretches: [{ seconds: 1500, speedMps: 0.6 }],
        intervalSeconds,
        scatter: { kind: 'SQUARE', meters: 0 },
        seed: 1,
      });
      expect(computeMetrics('HIKE', track, {}).movingSeconds).toBe(1500);
    }
  });

  it('still stops the clock at the step where the pace drops below the threshold', () => {
    const legs: Leg[] = [
      { seconds: 600, speedMps: 3 },
      { seconds: 300, speedMps: 0.5 },
      { seconds: 600, speedMps: 3 },
    ];
    const metrics = computeMetrics('RUN', meridianTrack(legs), {});
    expect(metrics.movingSeconds).toBe(1200);
    expect(metrics.distanceMeters).toBeCloseTo(3750, 1);
  });
});
