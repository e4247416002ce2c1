import { describe, expect, it } from 'vitest';
import { extent, linearScale, linePath, niceStep, niceTicks } from './scale';

describe('chart scales and ticks', () => {
  it('finds the extent of the finite values only', () => {
    expect(extent([3, null, -1, Number.NaN, 7, undefined])).toEqual([-1, 7]);
    expect(extent([null, undefined])).toBeNull();
  });

  it('maps a domain onto a range, reversed ranges included', () => {
    const y = linearScale([0, 200], [180, 20]);
    expect(y(0)).toBe(180);
    expect(y(200)).toBe(20);
    expect(y(100)).toBe(100);
    expect(linearScale([5, 5], [0, 10])(5)).toBe(5);
  });

  it('picks round steps: 1, 2, 2.5 or 5 times a power of ten, or clock steps for seconds', () => {
    expect(niceStep(10, 5)).toBe(2);
    expect(niceStep(4.58, 6)).toBe(1);
    expect(niceStep(0.9, 4)).toBe(0.25);
    expect(niceStep(130, 4)).toBe(50);
    expect(niceStep(100, 4, 'clock')).toBe(30);
    expect(niceStep(500, 4, 'clock')).toBe(300);
  });

  it('covers the whole domain with round ticks', () => {
    expect(niceTicks([0, 4.58], 6)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(niceTicks([93, 171], 4)).toEqual([80, 100, 120, 140, 160, 180]);
    expect(niceTicks([0.1, 0.3], 2)).toEqual([0.1, 0.2, 0.3]);
    // Pace between 4:50 and 6:10 per km: ticks on half minutes.
    expect(niceTicks([290, 370], 4, 'clock')).toEqual([270, 300, 330, 360, 390]);
  });

  it('gives a flat series an axis around its value', () => {
    const ticks = niceTicks([140, 140], 4);
    expect(ticks[0]).toBeLessThan(140);
    expect(ticks[ticks.length - 1]).toBeGreaterThan(140);
    expect(niceTicks([0, 0], 4)).toEqual([-1, -0.5, 0, 0.5, 1]);
  });

  it('draws a path that breaks where a value is missing', () => {
    const identity = (v: number) => v;
    expect(linePath([0, 1, 2, 3, 4], [10, 11, null, 13, 14], identity, identity)).toBe(
      'M0 10 L1 11 M3 13 L4 14',
    );
    expect(linePath([0, 1], [null, null], identity, identity)).toBe('');
  });
});
