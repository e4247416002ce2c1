import { describe, expect, it } from 'vitest';
import { formatDistance, formatDuration, formatElevation, formatPace, paceFromSpeed } from './units';

describe('figures in the athlete’s units', () => {
  it('shows distances in kilometres or miles', () => {
    expect(formatDistance(10_000, 'METRIC')).toBe('10.00 km');
    expect(formatDistance(640, 'METRIC')).toBe('640 m');
    expect(formatDistance(1_609.344, 'IMPERIAL')).toBe('1.00 mi');
    expect(formatDistance(null, 'METRIC')).toBe('–');
  });

  it('shows pace per kilometre or per mile', () => {
    expect(formatPace(300, 'METRIC')).toBe('5:00 /km');
    expect(formatPace(300, 'IMPERIAL')).toBe('8:03 /mi');
    expect(paceFromSpeed(1_000 / 300, 'METRIC')).toBe('5:00 /km');
    // Standing still has no pace.
    expect(paceFromSpeed(0.1, 'METRIC')).toBe('–');
  });

  it('shows climbs in metres or feet, and durations as a clock', () => {
    expect(formatElevation(100, 'IMPERIAL')).toBe('328 ft');
    expect(formatDuration(3_725)).toBe('1:02:05');
    expect(formatDuration(65)).toBe('1:05');
  });
});
