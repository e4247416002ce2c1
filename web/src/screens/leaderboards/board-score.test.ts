import { describe, expect, it } from 'vitest';
import { formatScore, ordinal } from './board-score';

describe('board scores', () => {
  it('shows each metric in the athlete’s units', () => {
    expect(formatScore('DISTANCE', 12_000, 'METRIC')).toBe('12.00 km');
    expect(formatScore('DISTANCE', 16_093, 'IMPERIAL')).toBe('10.00 mi');
    expect(formatScore('ELEVATION', 300, 'IMPERIAL')).toBe('984 ft');
    expect(formatScore('MOVING_TIME', 5_400, 'METRIC')).toBe('1:30:00');
    expect(formatScore('XP', 12_345, 'METRIC')).toBe('12,345 XP');
  });

  it('names ranks as ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
    ]);
  });
});
