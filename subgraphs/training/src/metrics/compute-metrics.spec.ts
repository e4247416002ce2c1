import { computeMetrics } from './compute-metrics';
import { METRICS_CONFIG } from './metrics-config';
import { emptySample } from './track';
import { meridianTrack, northOf, seededRandom } from './synthetic-tracks';

describe('computeMetrics', () => {
  it('computes distance and elevation only for a track without timestamps', () => {
    const samples = Array.from({ length: 201 }, (_unused, k) => ({
      ...emptySample(null),
      ...northOf(5 * k),
      altitude: 100 + k / 4,
      heartRate: 130,
    }));
    const metrics = computeMetrics('HIKE', { samples, pauses: [] }, {});
    expect(metrics.distanceMeters).toBeCloseTo(1000, 1);
    expect(metrics.elevationGainMeters).toBeCloseTo(50, 0);
    expect(metrics).toMatchObject({
      elapsedSeconds: null,
      movingSeconds: null,
      averageSpeedMps: null,
      maxSpeedMps: null,
      averagePaceSecondsPerKm: null,
      calories: null,
      trimp: null,
      splits: { kilometre: [], mile: [] },
      bestEfforts: [],
    });
    expect(metrics.heartRate).toMatchObject({ average: 130, max: 130 });
    expect(metrics.heartRate!.zones.every((zone) => zone.seconds === 0)).toBe(true);
    expect(metrics.flags).toEqual([
      expect.objectContaining({ code: 'MISSING_TIME', count: 201, firstIndex: 0 }),
    ]);
  });

  it('returns an empty result for an empty track', () => {
    expect(computeMetrics('RUN', { samples: [], pauses: [] }, {})).toEqual({
      version: METRICS_CONFIG.version,
      distanceMeters: 0,
      elapsedSeconds: null,
      movingSeconds: null,
      averageSpeedMps: null,
      maxSpeedMps: null,
      averagePaceSecondsPerKm: null,
      elevationGainMeters: null,
      elevationLossMeters: null,
      minElevationMeters: null,
      maxElevationMeters: null,
      heartRate: null,
      cadence: null,
      power: null,
      calories: null,
      caloriesSource: null,
      trimp: null,
      splits: { kilometre: [], mile: [] },
      bestEfforts: [],
      flags: [],
    });
  });

  it('computes a full 10 km run at 4:00/km', () => {
    const track = meridianTrack([{ seconds: 2400, speedMps: 1000 / 240 }], () => ({ heartRate: 150 }));
    const metrics = computeMetrics('RUN', track, { maxHeartRate: 190, restingHeartRate: 60, weightKg: 70 });
    expect(metrics).toMatchObject({
      distanceMeters: 10_000,
      elapsedSeconds: 2400,
      movingSeconds: 2400,
      averageSpeedMps: 4.167,
      maxSpeedMps: 4.167,
      averagePaceSecondsPerKm: 240,
      calories: Math.round(12.8 * 70 * (2400 / 3600)),
      caloriesSource: 'MET',
    });
    expect(metrics.splits.kilometre).toHaveLength(10);
    expect(metrics.splits.mile).toHaveLength(7);
  });

  it('stamps the configuration version', () => {
    const track = meridianTrack([{ seconds: 10, speedMps: 3 }]);
    expect(computeMetrics('RUN', track, {}, { ...METRICS_CONFIG, version: 7 }).version).toBe(7);
  });

  // Speed is measured by `npm run bench:metrics`, not asserted here; this checks a long track's figures.
  it('computes a 10-hour 1 Hz track (36 000 samples) exactly', () => {
    const random = seededRandom(1);
    const track = meridianTrack([{ seconds: 36_000, speedMps: 3 }], (t) => ({
      altitude: 300 + 100 * Math.sin(t / 900) + random() * 2,
      heartRate: 140 + Math.round(random() * 10),
      cadence: 170,
      power: 250 + Math.round(random() * 40),
    }));
    const metrics = computeMetrics('RUN', track, {});
    expect(metrics.distanceMeters).toBeCloseTo(108_000, -1);
    expect(metrics.movingSeconds).toBe(36_000);
    expect(metrics.splits.kilometre).toHaveLength(108);
    expect(metrics.bestEfforts.map((effort) => effort.name)).toContain('marathon');
  });
});
