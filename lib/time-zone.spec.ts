import { canonicalTimeZone, localDateOf } from './time-zone';

describe('canonicalTimeZone', () => {
  it('accepts IANA names in any case and gives their canonical spelling', () => {
    expect(canonicalTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('america/new_york')).toBe('America/New_York');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
  });

  it('refuses what is not a time zone', () => {
    for (const name of ['', 'Mars/Olympus', 'Europe/Berlin; DROP', 'x'.repeat(65)])
      expect(canonicalTimeZone(name)).toBeNull();
  });
});

describe('localDateOf', () => {
  it('gives the day the instant falls on in the zone, across the date line', () => {
    const instant = new Date('2026-11-20T23:30:00Z');
    expect(localDateOf(instant, 'UTC')).toBe('2026-11-20');
    expect(localDateOf(instant, 'Europe/Berlin')).toBe('2026-11-21');
    expect(localDateOf(instant, 'America/Los_Angeles')).toBe('2026-11-20');
    expect(localDateOf(new Date('2026-11-20T05:00:00Z'), 'America/Los_Angeles')).toBe('2026-11-19');
  });
});
