import { computeMetrics } from './compute-metrics';
import { meridianTrack, seededRandom } from './synthetic-tracks';

/** A 4000 s hike: +200 m over the first 2000 s, −200 m over the next 2000 s, from 500 m. */
const climbAndDescent = (second: number) => 500 + (second <= 2000 ? second / 10 : 200 - (second - 2000) / 10);

describe('elevation', () => {
  it('measures a +200 m / −200 m hike with ±2 m GPS noise within 5 %', () => {
    const random = seededRandom(2024);
    const track = meridianTrack([{ seconds: 4000, speedMps: 1.2 }], (t) => ({
      altitude: climbAndDescent(t) + (random() - 0.5) * 4,
    }));
    const metrics = computeMetrics('HIKE', track, {});
    expect(Math.abs(metrics.elevationGainMeters! - 200)).toBeLessThanOrEqual(10);
    expect(Math.abs(metrics.elevationLossMeters! - 200)).toBeLessThanOrEqual(10);
    expect(Math.abs(metrics.minElevationMeters! - 500)).toBeLessThanOrEqual(2);
    expect(Math.abs(metrics.maxElevationMeters! - 700)).toBeLessThanOrEqual(2);
  });

  it('measures the same hike without noise within 1 %', () => {
    const track = meridianTrack([{ seconds: 4000, speedMps: 1.2 }], (t) => ({
      altitude: climbAndDescent(t),
    }));
    const metrics = computeMetrics('HIKE', track, {});
    expect(Math.abs(metrics.elevationGainMeters! - 200)).toBeLessThanOrEqual(2);
    expect(Math.abs(metrics.elevationLossMeters! - 200)).toBeLessThanOrEqual(2);
    // Min and max come from the 5-sample median, which shaves 0.1 m off a sharp peak.
    expect(metrics.minElevationMeters).toBeCloseTo(500, 0);
    expect(metrics.maxElevationMeters).toBeCloseTo(700, 0);
  });

  it('finds no climb in ±1.5 m noise on flat ground', () => {
    const random = seededRandom(99);
    const track = meridianTrack([{ seconds: 3600, speedMps: 3 }], () => ({
      altitude: 100 + (random() - 0.5) * 3,
    }));
    const metrics = computeMetrics('RUN', track, {});
    expect(metrics.elevationGainMeters).toBeLessThan(3);
    expect(metrics.elevationLossMeters).toBeLessThan(3);
  });

  it('counts 2 m undulations with a barometric altimeter (1 m hysteresis) but not with GPS (3 m)', () => {
    // Ten cycles of 60 s at 100 m and 60 s at 102 m.
    const track = meridianTrack([{ seconds: 1200, speedMps: 3 }], (t) => ({
      altitude: Math.floor(t / 60) % 2 === 0 ? 100 : 102,
    }));
    const barometric = computeMetrics('RUN', { ...track, barometricAltitude: true }, {});
    const gps = computeMetrics('RUN', track, {});
    expect(Math.abs(barometric.elevationGainMeters! - 20)).toBeLessThanOrEqual(1);
    expect(gps.elevationGainMeters).toBe(0);
    expect(gps.elevationLossMeters).toBe(0);
  });

  it('flags and ignores an impossible altitude', () => {
    const track = meridianTrack([{ seconds: 600, speedMps: 3 }], (t) => ({
      altitude: t === 300 ? 12_000 : 250,
    }));
    const metrics = computeMetrics('RUN', track, {});
    expect(metrics.maxElevationMeters).toBe(250);
    expect(metrics.elevationGainMeters).toBe(0);
    expect(metrics.flags).toEqual([
      expect.objectContaining({ code: 'ALTITUDE_OUT_OF_RANGE', count: 1, firstIndex: 300 }),
    ]);
  });

  it('is null without altitude', () => {
    const metrics = computeMetrics('RUN', meridianTrack([{ seconds: 60, speedMps: 3 }]), {});
    expect(metrics).toMatchObject({
      elevationGainMeters: null,
      elevationLossMeters: null,
      minElevationMeters: null,
      maxElevationMeters: null,
    });
  });
});
