import { addDays, calendarDay, dayNumber, daysBetween, eachDay } from './calendar-days';

describe('calendar days', () => {
  it('count days since 1970-01-01', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(calendarDay(dayNumber('2026-04-06'))).toBe('2026-04-06');
  });

  it('add days across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-29', 0)).toBe('2026-03-29');
  });

  it('keep the years 0000–0099 as written (Date.UTC would read them as 19xx)', () => {
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(daysBetween('0000-01-01', '0001-01-01')).toBe(366);
  });

  it('count the days between two dates, negative backwards', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-03-30', '2026-03-28')).toBe(-2);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('list each day of a range, both ends included', () => {
    expect(eachDay('2026-02-27', '2026-03-01')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
    expect(eachDay('2026-03-01', '2026-03-01')).toEqual(['2026-03-01']);
    expect(eachDay('2026-03-02', '2026-03-01')).toEqual([]);
  });

  it('reject malformed and impossible dates', () => {
    for (const bad of [
      '2026-4-6',
      '2026-04-06T00:00:00Z',
      '20260406',
      '',
      '2026-02-30',
      '2026-13-01',
      '2026-00-10',
    ]) {
      expect(() => dayNumber(bad)).toThrow(/YYYY-MM-DD/);
    }
  });

  it('reject fractional days and dates beyond the year 9999', () => {
    expect(() => addDays('2026-04-06', 0.5)).toThrow(/whole number/);
    expect(() => addDays('9999-12-31', 1)).toThrow(/0000–9999/);
    expect(() => addDays('0000-01-01', -1)).toThrow(/0000–9999/);
  });
});
