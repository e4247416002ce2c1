import { describe, expect, it } from 'vitest';
import { achievementProgress, challengeAmount, challengeWindow, percentOf } from './progress-words';

describe('progress in words', () => {
  it('is a whole percentage of the target, never beyond 100', () => {
    expect(percentOf(3, 7)).toBe(42);
    expect(percentOf(12_000, 10_000)).toBe(100);
    expect(percentOf(0, 0)).toBe(100);
  });

  it('shows achievements’ kilometres and metres in the athlete’s units, other counts as the API says', () => {
    const km = { current: 42.195, target: 100, unit: 'km', label: '42.2 of 100 km' };
    expect(achievementProgress(km, 'METRIC')).toBe('42.20 km of 100.00 km');
    expect(achievementProgress(km, 'IMPERIAL')).toBe('26.22 mi of 62.14 mi');
    expect(achievementProgress({ current: 500, target: 1_000, unit: 'm', label: '' }, 'IMPERIAL')).toBe(
      '1640 ft of 3281 ft',
    );
    expect(achievementProgress({ current: 3, target: 7, unit: 'days', label: '3 of 7 days' }, 'METRIC')).toBe(
      '3 of 7 days',
    );
  });

  it('names a challenge’s amounts by its goal', () => {
    expect(challengeAmount('DISTANCE', 50_000, 'METRIC')).toBe('50.00 km');
    expect(challengeAmount('ELEVATION', 1_000, 'METRIC')).toBe('1000 m');
    expect(challengeAmount('COUNT', 1, 'METRIC')).toBe('1 workout');
    expect(challengeAmount('STREAK_DAYS', 7, 'METRIC')).toBe('7 days in a row');
  });

  it('tells a challenge to come from one running or ended', () => {
    const now = new Date('2026-03-02T12:00:00Z');
    expect(challengeWindow('2026-03-03T00:00:00Z', '2026-03-10T00:00:00Z', now)).toBe('UPCOMING');
    expect(challengeWindow('2026-03-01T00:00:00Z', '2026-03-10T00:00:00Z', now)).toBe('RUNNING');
    expect(challengeWindow('2026-02-01T00:00:00Z', '2026-03-02T12:00:00Z', now)).toBe('ENDED');
  });
});
