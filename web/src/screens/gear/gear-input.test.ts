import { describe, expect, it } from 'vitest';
import { defaultsAfterChoosing, defaultsWithout, metresFrom, startOfDayIn } from './gear-input';

describe('what the gear forms send', () => {
  it('reads distances typed in kilometres or miles as metres', () => {
    expect(metresFrom('700', 'METRIC')).toBe(700_000);
    expect(metresFrom(' 12,5 ', 'METRIC')).toBe(12_500);
    expect(metresFrom('1', 'IMPERIAL')).toBe(1_609);
    expect(metresFrom('', 'METRIC')).toBeNull();
    expect(metresFrom('far', 'METRIC')).toBeNaN();
  });

  it('dates a purchase from the start of that day in the athlete’s zone', () => {
    expect(startOfDayIn('2026-03-02', 'UTC')).toBe('2026-03-02T00:00:00.000Z');
    expect(startOfDayIn('2026-03-02', 'Asia/Tokyo')).toBe('2026-03-01T15:00:00.000Z');
    expect(startOfDayIn('2026-07-02', 'America/New_York')).toBe('2026-07-02T04:00:00.000Z');
    expect(startOfDayIn('2026-03-29', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
  });

  it('makes new shoes the default instead of the old ones, keeping other kinds of gear', () => {
    const gear = [
      { id: 'old-shoes', kind: 'SHOES', status: 'ACTIVE', defaultForSports: ['RUN' as const] },
      { id: 'strap', kind: 'OTHER', status: 'ACTIVE', defaultForSports: ['RUN' as const, 'RIDE' as const] },
      { id: 'new-shoes', kind: 'SHOES', status: 'ACTIVE', defaultForSports: [] },
    ];
    expect(defaultsAfterChoosing(gear, 'RUN', 'new-shoes')).toEqual(['strap', 'new-shoes']);
    expect(defaultsAfterChoosing(gear, 'RIDE', 'new-shoes')).toEqual(['strap', 'new-shoes']);
    expect(defaultsWithout(gear, 'RUN', 'strap')).toEqual(['old-shoes']);
  });
});
