import { computeMetrics } from './compute-metrics';
import { haversineMeters } from './geo';
import { METRICS_CONFIG } from './metrics-config';
import {
  BASE_LATITUDE,
  METERS_PER_DEGREE,
  MERIDIAN_LONGITUDE,
  START_MS,
  meridianTrack,
  northOf,
  samplesAt1Hz,
} from './synthetic-tracks';

const relativeError = (actual: number, expected: number) => Math.abs(actual - expected) / expected;

describe('distance', () => {
  it('measures one degree of latitude as R·π/180 with R = 6 378 137 m', () => {
    const meters = haversineMeters(45, 6, 46, 6, METRICS_CONFIG.earthRadiusMeters);
    expect(relativeError(meters, (6_378_137 * Math.PI) / 180)).toBeLessThan(1e-12);
  });

  it('measures a 10 km run along a meridian within 0.01 %', () => {
    const metrics = computeMetrics('RUN', meridianTrack([{ seconds: 3000, speedMps: 10 / 3 }]), {});
    expect(relativeError(metrics.distanceMeters, 10_000)).toBeLessThan(1e-4);
    expect(metrics.flags).toEqual([]);
  });

  it('counts nothing across a segment start, and does not call the jump a SPEED_JUMP', () => {
    // 1000 m in 250 s, then the next segment starts 500 m further north and runs 249 s at 4 m/s.
    const samples = samplesAt1Hz(500, (t) => northOf(t <= 250 ? 4 * t : 1500 + 4 * (t - 251)));
    const metrics = computeMetrics('RUN', { samples, pauses: [], segmentStarts: [251] }, {});
    expect(metrics.distanceMeters).toBeCloseTo(1996, 1);
    expect(metrics.movingSeconds).toBe(499);
    expect(metrics.flags).toEqual([]);
  });

  it('counts nothing across a device pause (the athlete was driven 1 km meanwhile)', () => {
    // 600 s at 3 m/s, paused from 600.5 s to 900 s, then 600 s more from 1 km further on.
    const samples = samplesAt1Hz(1500, (t) => northOf(t <= 600 ? 3 * t : 2800 + 3 * (t - 900))).filter(
      (_sample, t) => t <= 600 || t >= 900,
    );
    const pauses = [{ from: START_MS + 600_500, to: START_MS + 900_000 }];
    const metrics = computeMetrics('RUN', { samples, pauses }, {});
    expect(relativeError(metrics.distanceMeters, 3600)).toBeLessThan(1e-4);
    expect(metrics.elapsedSeconds).toBe(1500);
    expect(metrics.movingSeconds).toBe(1200);
    expect(metrics.averageSpeedMps).toBeCloseTo(3, 3);
  });

  it('flags a teleport as SPEED_JUMP and leaves distance and max speed unaffected', () => {
    const clean = meridianTrack([{ seconds: 1000, speedMps: 3 }]);
    const samples = clean.samples.map((sample, index) =>
      index === 500
        ? {
            ...sample,
            longitude:
              MERIDIAN_LONGITUDE + 5000 / (METERS_PER_DEGREE * Math.cos((BASE_LATITUDE * Math.PI) / 180)),
          }
        : sample,
    );
    const metrics = computeMetrics('RUN', { samples, pauses: [] }, {});
    const reference = computeMetrics('RUN', clean, {});
    expect(metrics.distanceMeters).toBe(reference.distanceMeters);
    expect(metrics.distanceMeters).toBeCloseTo(3000, 1);
    expect(metrics.maxSpeedMps).toBeCloseTo(3, 3);
    expect(metrics.flags).toEqual([
      expect.objectContaining({ code: 'SPEED_JUMP', count: 1, firstIndex: 500 }),
    ]);
    expect(metrics.flags[0]!.message).toMatch(/left out of distance, speeds, splits and best efforts/);
  });

  it('recovers from a bad first fix by re-anchoring after repeated jumps', () => {
    const clean = meridianTrack([{ seconds: 600, speedMps: 3 }]);
    const samples = clean.samples.map((sample, index) =>
      index === 0 ? { ...sample, ...northOf(-20_000) } : sample,
    );
    const metrics = computeMetrics('RUN', { samples, pauses: [] }, {});
    const rejected = METRICS_CONFIG.speed.reanchorAfterRejectedSamples;
    expect(metrics.flags).toEqual([
      expect.objectContaining({ code: 'SPEED_JUMP', count: rejected, firstIndex: 1 }),
    ]);
    expect(metrics.distanceMeters).toBeCloseTo(3 * (600 - rejected - 1), 1);
  });

  it('flags impossible coordinates and null island, and measures around them', () => {
    const clean = meridianTrack([{ seconds: 600, speedMps: 3 }]);
    const samples = clean.samples.map((sample, index) => {
      if (index === 10) return { ...sample, latitude: 95 };
      if (index === 20) return { ...sample, latitude: 0, longitude: 0 };
      if (index === 30) return { ...sample, longitude: -181 };
      return sample;
    });
    const metrics = computeMetrics('RUN', { samples, pauses: [] }, {});
    expect(metrics.distanceMeters).toBeCloseTo(1800, 1);
    expect(metrics.flags).toEqual([
      expect.objectContaining({ code: 'COORDINATES_OUT_OF_RANGE', count: 3, firstIndex: 10 }),
    ]);
  });
});
