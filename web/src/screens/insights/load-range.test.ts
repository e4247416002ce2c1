import { describe, expect, it } from 'vitest';
import { addDays, dayAtWeeks, daysBetween, LOAD_DAYS, loadRange, loadSeries, shortDay } from './load-range';

describe('the six weeks of load', () => {
  it('ends today in the athlete’s zone, not in UTC, and spans 42 days', () => {
    // 23:30 UTC on 1 March is already 2 March in Tokyo, still 1 March in New York.
    const now = new Date('2026-03-01T23:30:00Z');
    expect(loadRange('Asia/Tokyo', now)).toEqual({ from: '2026-01-20', to: '2026-03-02' });
    expect(loadRange('America/New_York', now)).toEqual({ from: '2026-01-19', to: '2026-03-01' });
    const { from, to } = loadRange('UTC', now);
    expect(daysBetween(from, to)).toBe(LOAD_DAYS - 1);
  });

  it('counts calendar days across month ends, leap days and clock changes', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
  });

  it('puts every day on the chart in weeks before today, with the loads and their sums', () => {
    const series = loadSeries(
      [
        { date: '2026-03-02', load: 80, workouts: 1 },
        { date: '2026-02-28', load: 120.5, workouts: 2 },
        { date: '2026-03-01', load: 0, workouts: 0 },
      ],
      '2026-02-28',
      '2026-03-02',
    );
    expect(series.xs).toEqual([-2 / 7, -1 / 7, 0]);
    expect(series.ys).toEqual([120.5, 0, 80]);
    expect(series).toMatchObject({
      totalLoad: 200.5,
      trainingDays: 2,
      peak: { date: '2026-02-28', load: 120.5 },
    });
  });

  it('breaks the line on days the API left out and has no peak without load', () => {
    const series = loadSeries([{ date: '2026-03-02', load: 0, workouts: 0 }], '2026-02-28', '2026-03-02');
    expect(series.ys).toEqual([null, null, 0]);
    expect(series).toMatchObject({ totalLoad: 0, trainingDays: 0, peak: null });
  });

  it('names the chart’s ticks by the day they fall on', () => {
    expect(dayAtWeeks('2026-03-02', -6)).toBe('2026-01-19');
    expect(dayAtWeeks('2026-03-02', 0)).toBe('2026-03-02');
    expect(shortDay('2026-03-02', 'en-GB')).toBe('2 Mar');
  });
});
