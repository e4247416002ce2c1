import { describe, expect, it } from 'vitest';
import { chartSeries, cumulativeDistances, haversine, speedsFrom } from './workout-series';

/** 0.001° of latitude on the metrics engine's sphere, metres. */
const STEP = (6_378_137 * Math.PI) / 180 / 1_000;

describe('chart series from streams', () => {
  it('measures distance along the known positions, holding it where a position is missing', () => {
    expect(haversine(46, 14, 46.001, 14)).toBeCloseTo(STEP, 6);
    const distances = cumulativeDistances([46, 46.001, null, 46.002], [14, 14, null, 14])!;
    expect(distances[0]).toBe(0);
    expect(distances[1]).toBeCloseTo(STEP, 6);
    expect(distances[2]).toBeCloseTo(STEP, 6);
    expect(distances[3]).toBeCloseTo(2 * STEP, 6);
    expect(cumulativeDistances([null], [null])).toBeNull();
  });

  it('derives speed from distance and time around each point', () => {
    const speeds = speedsFrom([0, 10, 20, 30, 40, 50], [0, 5, 10, 15, 20, 25]);
    expect(speeds).toEqual([2, 2, 2, 2, 2, 2]);
    expect(speedsFrom([0, 0], [3, 3])).toEqual([null, null]);
  });

  it('scales the distance axis to the workout’s distance and prefers the device’s speed', () => {
    const streams = {
      offsets: [0, 10, 20],
      series: [
        { channel: 'LATITUDE' as const, values: [46, 46.001, 46.002] },
        { channel: 'LONGITUDE' as const, values: [14, 14, 14] },
        { channel: 'HEART_RATE' as const, values: [120, null, 130] },
      ],
    };
    const series = chartSeries(streams, 250);
    expect(series.distances![2]).toBeCloseTo(250, 6);
    expect(series.distances![1]).toBeCloseTo(125, 6);
    expect(series.speedMps[1]).toBeCloseTo(12.5, 6);
    expect(series.heartRate).toEqual([120, null, 130]);
    expect(series.altitude).toEqual([null, null, null]);

    const withSpeed = chartSeries(
      { ...streams, series: [...streams.series, { channel: 'SPEED' as const, values: [3, 3.5, 4] }] },
      null,
    );
    expect(withSpeed.speedMps).toEqual([3, 3.5, 4]);
    expect(withSpeed.distances![2]).toBeCloseTo(2 * STEP, 6);
    expect(chartSeries({ offsets: [0, 1], series: [] }, 100).distances).toBeNull();
  });
});
