import { describe, expect, it } from 'vitest';
import { formatLoad, formatRatio, formStats, formWords, ratioWords } from './insights-figures';

const form = {
  load: 91.26,
  acuteLoad: 57.3,
  chronicLoad: 18.6,
  acuteChronicRatio: 3.0722,
  fitness: 12.04,
  fatigue: 25.96,
  form: -13.92,
  monotony: null,
  strain: null,
};

describe('form figures in words', () => {
  it('shows loads with one decimal and a true minus, ratios with two', () => {
    expect(formatLoad(12.04)).toBe('12.0');
    expect(formatLoad(-13.96)).toBe('−14.0');
    expect(formatLoad(-0.04)).toBe('0.0');
    expect(formatRatio(3.0722)).toBe('3.07');
    expect(formatRatio(null)).toBe('–');
  });

  it('reads form from fresh to heavily loaded', () => {
    expect(formWords(12)).toMatch(/^Positive: you are fresh/);
    expect(formWords(0)).toMatch(/^Near zero/);
    expect(formWords(-20)).toMatch(/^Negative/);
    expect(formWords(-30)).toMatch(/^Negative/);
    expect(formWords(-30.5)).toMatch(/^Very negative/);
  });

  it('calls a ratio above 1.5 a load spike, and nothing more', () => {
    expect(ratioWords(1.51)).toMatch(/load spike/);
    expect(ratioWords(1.5)).toMatch(/close to what you are used to/);
    expect(ratioWords(0.5)).toMatch(/less load/);
    expect(ratioWords(null)).toMatch(/once you have a chronic load/);
  });

  it('lists fitness, fatigue, form, ratio and the day’s load, each with what it means', () => {
    const stats = formStats(form);
    expect(stats.map((s) => [s.label, s.value])).toEqual([
      ['Fitness', '12.0'],
      ['Fatigue', '26.0'],
      ['Form', '−13.9'],
      ['Acute:chronic ratio', '3.07'],
      ["Today's load", '91.3'],
    ]);
    for (const stat of stats) expect(stat.meaning).toMatch(/\.$/);
    expect(stats[3]!.meaning).toMatch(/load spike.*does not predict injury/);
  });

  it('adds monotony and strain when the last week has them', () => {
    const stats = formStats({ ...form, monotony: 1.234, strain: 512.44 });
    expect(stats.slice(-2).map((s) => [s.label, s.value])).toEqual([
      ['Monotony', '1.23'],
      ['Strain', '512.4'],
    ]);
  });
});
