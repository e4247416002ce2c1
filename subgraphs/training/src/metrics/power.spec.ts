import { computeMetrics } from './compute-metrics';
import { normalizedPower } from './normalized-power';
import { samplesAt1Hz } from './synthetic-tracks';

const ride = (seconds: number, watts: (second: number) => number) => ({
  samples: samplesAt1Hz(seconds, (t) => ({ power: watts(t), cadence: 90 })),
  pauses: [],
});

describe('power', () => {
  it('gives a constant power as average, max and normalized power', () => {
    const metrics = computeMetrics(
      'VIRTUAL_RIDE',
      ride(1200, () => 250),
      {},
    );
    expect(metrics.power).toEqual({ average: 250, max: 250, normalized: 250 });
  });

  it('matches the analytic normalized power of 10 min at 300 W then 10 min at 100 W', () => {
    // Each 1-s step holds its later sample: 600 s at 300 W, then 600 s at 100 W. Of the 1171 rolling
    // 30-s windows, 571 are all 300 W, 571 all 100 W, and 29 hold k = 1..29 seconds of 100 W.
    let sum = 571 * 300 ** 4 + 571 * 100 ** 4;
    for (let k = 1; k <= 29; k++) sum += ((300 * (30 - k) + 100 * k) / 30) ** 4;
    const expected = (sum / 1171) ** 0.25;
    const metrics = computeMetrics(
      'VIRTUAL_RIDE',
      ride(1200, (t) => (t <= 600 ? 300 : 100)),
      {},
    );
    expect(expected).toBeCloseTo(252.38, 2);
    expect(metrics.power!.normalized).toBeCloseTo(expected, 1);
    expect(metrics.power!.average).toBe(200);
    expect(metrics.power!.max).toBe(300);
  });

  it('has no normalized power under 30 s of power', () => {
    const metrics = computeMetrics(
      'VIRTUAL_RIDE',
      ride(29, () => 200),
      {},
    );
    expect(metrics.power).toEqual({ average: 200, max: 200, normalized: null });
    expect(normalizedPower([200, 200], 30)).toBeNull();
  });

  it('includes zeros in average power but not in average cadence', () => {
    const samples = samplesAt1Hz(1200, (t) => {
      const pedalling = Math.floor((t - 1) / 10) % 2 === 0;
      return { power: pedalling ? 200 : 0, cadence: pedalling ? 90 : 0 };
    });
    const metrics = computeMetrics('VIRTUAL_RIDE', { samples, pauses: [] }, {});
    expect(metrics.power!.average).toBe(100);
    expect(metrics.cadence).toEqual({ average: 90, max: 90 });
  });

  it('flags implausible power and cadence and leaves them out', () => {
    const samples = samplesAt1Hz(600, (t) => ({
      power: t === 50 ? 5000 : 200,
      cadence: t === 60 ? 400 : 85,
    }));
    const metrics = computeMetrics('VIRTUAL_RIDE', { samples, pauses: [] }, {});
    expect(metrics.power).toMatchObject({ average: 200, max: 200 });
    expect(metrics.cadence).toEqual({ average: 85, max: 85 });
    expect(metrics.flags.map(({ code, count, firstIndex }) => ({ code, count, firstIndex }))).toEqual([
      { code: 'CADENCE_OUT_OF_RANGE', count: 1, firstIndex: 60 },
      { code: 'POWER_OUT_OF_RANGE', count: 1, firstIndex: 50 },
    ]);
  });

  it('is null without power or cadence', () => {
    const metrics = computeMetrics('YOGA', { samples: samplesAt1Hz(60, () => ({})), pauses: [] }, {});
    expect(metrics.power).toBeNull();
    expect(metrics.cadence).toBeNull();
  });
});
