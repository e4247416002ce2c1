import { canonicalTimeZone, instantOfWallClock, localDateOf, wallClockOf } from './time-zone';

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

describe('wallClockOf and instantOfWallClock', () => {
  it('read the wall clock of an instant, and find the instant of a wall-clock time, across offsets', () => {
    expect(wallClockOf(new Date('2026-11-20T23:30:00Z'), 'Europe/Berlin')).toEqual({
      date: '2026-11-21',
      minute: 30,
    });
    expect(wallClockOf(new Date('2026-07-01T00:00:00Z'), 'Asia/Kolkata')).toEqual({
      date: '2026-07-01',
      minute: 330,
    });
    expect(instantOfWallClock('2026-11-21', 30, 'Europe/Berlin').toISOString()).toBe(
      '2026-11-20T23:30:00.000Z',
    );
    expect(instantOfWallClock('2026-07-01', 7 * 60, 'Europe/Berlin').toISOString()).toBe(
      '2026-07-01T05:00:00.000Z',
    );
  });

  it('on the night clocks go back, 02:30 happens twice: the later one; a skipped time reads as an hour later', () => {
    expect(instantOfWallClock('2026-10-25', 150, 'Europe/Berlin').toISOString()).toBe(
      '2026-10-25T01:30:00.000Z',
    );
    expect(instantOfWallClock('2026-03-29', 150, 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });
});
