import { computeMetrics } from './compute-metrics';
import { resolveHeartRateLimits } from './heart-rate-limits';
import { METRICS_CONFIG } from './metrics-config';
import { START_MS, emptySampleAt, samplesAt1Hz } from './synthetic-tracks';

const athlete = { maxHeartRate: 190, restingHeartRate: 60 };

describe('heart rate', () => {
  it('splits heart-rate time into Karvonen zones that add up to the heart-rate time', () => {
    // Reserve 130 bpm: zones start at 125, 138, 151, 164 and 177 bpm.
    const samples = samplesAt1Hz(1800, (t) => ({ heartRate: t <= 600 ? 120 : t <= 1200 ? 155 : 180 }));
    const { heartRate } = computeMetrics('STRENGTH_TRAINING', { samples, pauses: [] }, athlete);
    expect(heartRate!.zones).toEqual([
      { zone: 1, minBpm: 125, maxBpm: 138, seconds: 600 },
      { zone: 2, minBpm: 138, maxBpm: 151, seconds: 0 },
      { zone: 3, minBpm: 151, maxBpm: 164, seconds: 600 },
      { zone: 4, minBpm: 164, maxBpm: 177, seconds: 0 },
      { zone: 5, minBpm: 177, maxBpm: null, seconds: 600 },
    ]);
    expect(heartRate!.zones.reduce((sum, zone) => sum + zone.seconds, 0)).toBe(1800);
    expect(heartRate!.average).toBeCloseTo((120 + 155 + 180) / 3, 1);
    expect(heartRate!.max).toBe(180);
  });

  it('weights the average by time', () => {
    const samples = [
      emptySampleAt(0, { heartRate: 100 }),
      emptySampleAt(10, { heartRate: 100 }),
      emptySampleAt(11, { heartRate: 200 }),
    ];
    const { heartRate } = computeMetrics('YOGA', { samples, pauses: [] }, athlete);
    expect(heartRate!.average).toBe(109.1);
  });

  it('flags values outside 25-250 bpm and leaves them out of every heart-rate figure', () => {
    const samples = samplesAt1Hz(1800, (t) => ({ heartRate: t === 100 ? 300 : t === 200 ? 10 : 150 }));
    const metrics = computeMetrics('STRENGTH_TRAINING', { samples, pauses: [] }, athlete);
    expect(metrics.heartRate).toMatchObject({ average: 150, max: 150 });
    expect(metrics.heartRate!.zones.reduce((sum, zone) => sum + zone.seconds, 0)).toBe(1800);
    expect(metrics.flags).toEqual([
      expect.objectContaining({ code: 'HEART_RATE_OUT_OF_RANGE', count: 2, firstIndex: 100 }),
    ]);
    expect(metrics.flags[0]!.message).toMatch(/heart-rate average, max, zones, splits and TRIMP/);
  });

  it('leaves paused time out of heart-rate time', () => {
    const samples = samplesAt1Hz(1200, () => ({ heartRate: 130 })).filter((_s, t) => t <= 300 || t >= 600);
    const pauses = [{ from: START_MS + 300_500, to: START_MS + 600_000 }];
    const { heartRate } = computeMetrics('YOGA', { samples, pauses }, athlete);
    expect(heartRate!.zones.reduce((sum, zone) => sum + zone.seconds, 0)).toBe(900);
  });

  it('uses the documented defaults: max 220 − age, else 190; resting 60', () => {
    const startMs = Date.UTC(2025, 0, 1);
    expect(resolveHeartRateLimits({}, startMs, METRICS_CONFIG)).toEqual({ maxBpm: 190, restingBpm: 60 });
    expect(resolveHeartRateLimits({ birthYear: 1985 }, startMs, METRICS_CONFIG)).toEqual({
      maxBpm: 180,
      restingBpm: 60,
    });
    expect(resolveHeartRateLimits({ birthYear: 1985 }, null, METRICS_CONFIG)).toEqual({
      maxBpm: 190,
      restingBpm: 60,
    });
    expect(
      resolveHeartRateLimits({ maxHeartRate: 185, restingHeartRate: 48 }, startMs, METRICS_CONFIG),
    ).toEqual({
      maxBpm: 185,
      restingBpm: 48,
    });
    expect(
      resolveHeartRateLimits({ maxHeartRate: 400, restingHeartRate: 300 }, null, METRICS_CONFIG),
    ).toEqual({
      maxBpm: 190,
      restingBpm: 60,
    });
  });

  it('reports the limits it used', () => {
    const samples = samplesAt1Hz(60, () => ({ heartRate: 100 }));
    const { heartRate } = computeMetrics('YOGA', { samples, pauses: [] }, { birthYear: 1990 });
    expect(heartRate).toMatchObject({ maxUsed: 185, restingUsed: 60 });
  });
});
