import { describe, expect, it } from 'vitest';
import { wearBar, wearWarning } from './wear';

const shoes = (distanceMeters: number, wearStatus: 'FINE' | 'REPLACE_SOON' | 'REPLACE') => ({
  distanceMeters,
  wearPercent: (distanceMeters / 700_000) * 100,
  wearStatus,
  limitMeters: 700_000,
});

describe('gear wear', () => {
  it('fills the bar with the share of the retirement distance, warning from 80 % and over from 100 %', () => {
    expect(wearBar(shoes(350_000, 'FINE'))).toEqual({ className: 'bar', width: 50, percent: 50 });
    expect(wearBar(shoes(567_000, 'REPLACE_SOON'))).toEqual({
      className: 'bar warn',
      width: 81,
      percent: 81,
    });
    expect(wearBar(shoes(840_000, 'REPLACE'))).toEqual({ className: 'bar over', width: 100, percent: 120 });
  });

  it('has no bar without a retirement distance', () => {
    expect(wearBar({ distanceMeters: 5_000_000, wearPercent: null, wearStatus: 'FINE' })).toBeNull();
  });

  it('says in words what to do, in the athlete’s units', () => {
    expect(wearWarning(shoes(350_000, 'FINE'), 'METRIC')).toBeNull();
    expect(wearWarning(shoes(600_000, 'REPLACE_SOON'), 'METRIC')).toBe(
      'Plan a replacement: 100.00 km left of its 700.00 km.',
    );
    expect(wearWarning(shoes(720_000, 'REPLACE'), 'IMPERIAL')).toBe(
      'Worn out: past its 434.96 mi. Replace it.',
    );
  });
});
