import { addPeriods, monthStart, periodCount, periodEnd, periodsOf, weekStart } from './periods';

describe('weekStart', () => {
  it('is the Monday of the ISO week, the Monday itself included', () => {
    expect(weekStart('2026-11-16')).toBe('2026-11-16'); // a Monday
    expect(weekStart('2026-11-20')).toBe('2026-11-16'); // Friday
    expect(weekStart('2026-11-22')).toBe('2026-11-16'); // Sunday ends the week
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
  });

  it('crosses months and years back to the Monday', () => {
    expect(weekStart('2026-01-01')).toBe('2025-12-29'); // ISO week 2026-W01 starts in 2025
    expect(weekStart('2024-03-01')).toBe('2024-02-26');
    expect(weekStart('1970-01-01')).toBe('1969-12-29'); // before day 0 too
  });

  it('rejects a malformed date', () => {
    expect(() => weekStart('2026-02-30')).toThrow(/no such day/);
  });
});

describe('monthStart', () => {
  it('is the first of the month', () => {
    expect(monthStart('2026-11-20')).toBe('2026-11-01');
    expect(monthStart('2024-02-29')).toBe('2024-02-01');
    expect(() => monthStart('2026-13-01')).toThrow();
  });
});

describe('periodEnd', () => {
  it('ends a week on its Sunday and a month on its last day, leap Februaries included', () => {
    expect(periodEnd('WEEK', '2026-12-28')).toBe('2027-01-03');
    expect(periodEnd('MONTH', '2026-11-01')).toBe('2026-11-30');
    expect(periodEnd('MONTH', '2026-12-01')).toBe('2026-12-31');
    expect(periodEnd('MONTH', '2024-02-01')).toBe('2024-02-29');
    expect(periodEnd('MONTH', '2100-02-01')).toBe('2100-02-28');
    expect(periodEnd('MONTH', '2000-02-01')).toBe('2000-02-29');
  });

  it('refuses a day that starts no period', () => {
    expect(() => periodEnd('WEEK', '2026-11-17')).toThrow(/not the first day of a week/);
    expect(() => periodEnd('MONTH', '2026-11-02')).toThrow(/not the first day of a month/);
  });
});

describe('addPeriods and periodCount', () => {
  it('step by weeks and by months, across years', () => {
    expect(addPeriods('WEEK', '2026-12-28', 1)).toBe('2027-01-04');
    expect(addPeriods('MONTH', '2026-11-01', 3)).toBe('2027-02-01');
    expect(addPeriods('MONTH', '2026-01-01', -1)).toBe('2025-12-01');
  });

  it('count the starts from a start to a day, both included', () => {
    expect(periodCount('WEEK', '2026-11-16', '2026-11-16')).toBe(1);
    expect(periodCount('WEEK', '2026-11-16', '2026-11-22')).toBe(1);
    expect(periodCount('WEEK', '2026-11-16', '2026-11-23')).toBe(2);
    expect(periodCount('MONTH', '2026-11-01', '2027-01-01')).toBe(3);
    expect(periodCount('MONTH', '2026-11-01', '2026-10-31')).toBe(0);
  });
});

describe('periodsOf', () => {
  it('lists each week and month containing a date once, weeks first, oldest first', () => {
    expect(periodsOf(['2026-12-01', '2026-11-30', '2026-11-20', '2026-11-30'])).toEqual([
      { period: 'WEEK', start: '2026-11-16' },
      { period: 'WEEK', start: '2026-11-30' },
      { period: 'MONTH', start: '2026-11-01' },
      { period: 'MONTH', start: '2026-12-01' },
    ]);
  });

  it('is empty without dates', () => {
    expect(periodsOf([])).toEqual([]);
  });
});
