import { DomainError } from '../../../../lib/errors/domain-error';
import { isoWeek, localDay, localMonth, normalizeTimeZone, toLocal } from './local-time';
import { at } from '../gamification.builders';

describe('localDay and localMonth', () => {
  // 2026-10-31T23:30 in New York (EDT, UTC−4) is already 1 November in UTC.
  const halloweenNight = at('2026-11-01T03:30:00Z');

  it('puts a run at 23:30 local time on the last day of a month in that day and month', () => {
    expect(localDay(halloweenNight, 'America/New_York')).toBe('2026-10-31');
    expect(localMonth(halloweenNight, 'America/New_York')).toBe('2026-10');
  });

  it('puts the same instant in the next day and month in UTC', () => {
    expect(localDay(halloweenNight, 'UTC')).toBe('2026-11-01');
    expect(localMonth(halloweenNight, 'UTC')).toBe('2026-11');
  });

  it('follows half-hour offsets and zones ahead of UTC', () => {
    expect(localDay(at('2026-12-31T18:45:00Z'), 'Asia/Kolkata')).toBe('2027-01-01');
    expect(localDay(at('2026-12-31T18:15:00Z'), 'Asia/Kolkata')).toBe('2026-12-31');
    expect(localMonth(at('2026-02-28T15:00:00Z'), 'Asia/Tokyo')).toBe('2026-03');
  });

  it('gives the local hour and ISO weekday', () => {
    const local = toLocal(at('2026-11-01T03:30:00Z'), 'America/New_York');
    expect(local).toMatchObject({ year: 2026, month: 10, day: 31, hour: 23, minute: 30, weekday: 6 });
    expect(toLocal(at('2026-06-01T00:00:00Z'), 'UTC').hour).toBe(0);
  });

  it('numbers consecutive local days consecutively across a daylight-saving change', () => {
    // Europe/Paris falls back on 2026-10-25: that day lasts 25 hours.
    const before = toLocal(at('2026-10-24T22:30:00Z'), 'Europe/Paris'); // 25 Oct 00:30 CEST
    const after = toLocal(at('2026-10-25T23:30:00Z'), 'Europe/Paris'); // 26 Oct 00:30 CET
    expect(after.dayNumber - before.dayNumber).toBe(1);
  });
});

describe('isoWeek', () => {
  it.each([
    ['2026-01-01T12:00:00Z', '2026-W01'], // a Thursday: week 1 of its own year
    ['2027-01-01T12:00:00Z', '2026-W53'], // a Friday: the last week of 2026
    ['2021-01-03T12:00:00Z', '2020-W53'], // a Sunday
    ['2024-12-30T12:00:00Z', '2025-W01'], // a Monday in December, week 1 of 2025
    ['2026-06-01T12:00:00Z', '2026-W23'],
  ])('puts %s in %s (UTC)', (instant, week) => {
    expect(isoWeek(at(instant), 'UTC')).toBe(week);
  });

  it('keeps Sunday 23:30 local time in its week when it is already Monday in UTC', () => {
    const sundayNight = at('2026-11-02T04:30:00Z'); // Sunday 1 November 23:30 EST
    expect(isoWeek(sundayNight, 'America/New_York')).toBe('2026-W44');
    expect(isoWeek(sundayNight, 'UTC')).toBe('2026-W45');
  });
});

describe('normalizeTimeZone', () => {
  it('returns the canonical IANA name', () => {
    expect(normalizeTimeZone('europe/paris')).toBe('Europe/Paris');
    expect(normalizeTimeZone('UTC')).toBe('UTC');
  });

  it('refuses an unknown zone with BAD_USER_INPUT on the timeZone field', () => {
    const attempt = () => normalizeTimeZone('Mars/Olympus_Mons');
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(/"Mars\/Olympus_Mons" is not a known IANA time zone/);
    expect(attempt).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'timeZone' } }),
    );
  });

  it('makes every local-time helper refuse an unknown zone the same way', () => {
    expect(() => localDay(0, 'Not/AZone')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
