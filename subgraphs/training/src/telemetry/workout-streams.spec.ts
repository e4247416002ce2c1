import { emptySample } from '../metrics/track';
import { streamsOf } from './workout-streams';

const T0 = Date.UTC(2026, 10, 20, 6, 0, 0);
const samples = Array.from({ length: 1000 }, (_, i) => ({
  ...emptySample(T0 + i * 1000),
  heartRate: i < 500 ? 100 : 160,
  power: i % 2 === 0 ? null : 200,
}));

describe('workout streams', () => {
  it('averages equal-count buckets down to the resolution, on one time axis', () => {
    const { offsets, series } = streamsOf(samples, ['HEART_RATE', 'POWER'], 100);
    expect(offsets).toHaveLength(100);
    expect(offsets.slice(0, 2)).toEqual([4.5, 14.5]);
    const [heartRate, power] = series;
    expect(heartRate).toMatchObject({ channel: 'HEART_RATE' });
    expect(heartRate!.values.slice(48, 52)).toEqual([100, 100, 160, 160]);
    // Gaps are skipped by the average, not counted as zero.
    expect(new Set(power!.values)).toEqual(new Set([200]));
  });

  it('keeps every sample when there are fewer than the resolution, and leaves out untimed ones', () => {
    const few = [...samples.slice(0, 3), emptySample(null)];
    expect(streamsOf(few, ['ALTITUDE'], 500)).toEqual({
      offsets: [0, 1, 2],
      series: [{ channel: 'ALTITUDE', values: [null, null, null] }],
    });
  });

  it('refuses a resolution outside 2 to 5 000', () => {
    expect(() => streamsOf(samples, ['POWER'], 1)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
  });
});
