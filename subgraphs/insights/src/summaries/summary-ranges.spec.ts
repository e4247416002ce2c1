import { DomainError } from '../../../../lib/errors/domain-error';
import { MAX_PERIODS, periodStartsBetween, yearOverYearSpans } from './summary-ranges';

const badInput = (read: () => unknown, field: string) => {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
    return (error as Error).message;
  }
  throw new Error('expected BAD_USER_INPUT');
};

describe('periodStartsBetween', () => {
  it('starts at the week or month containing `from` and ends with the last start on or before `to`', () => {
    expect(periodStartsBetween('WEEK', '2026-11-18', '2026-11-30')).toEqual([
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
    ]);
    expect(periodStartsBetween('MONTH', '2026-11-18', '2027-01-01')).toEqual([
      '2026-11-01',
      '2026-12-01',
      '2027-01-01',
    ]);
    expect(periodStartsBetween('MONTH', '2026-11-18', '2026-11-18')).toEqual(['2026-11-01']);
  });

  it('allows 106 weeks and 60 months, and names `to` beyond them', () => {
    expect(periodStartsBetween('WEEK', '2025-01-08', '2027-01-17')).toHaveLength(MAX_PERIODS.WEEK);
    expect(periodStartsBetween('MONTH', '2022-01-01', '2026-12-31')).toHaveLength(MAX_PERIODS.MONTH);
    expect(badInput(() => periodStartsBetween('WEEK', '2025-01-08', '2027-01-18'), 'to')).toMatch(
      /At most 106 weeks.*before 2027-01-18/,
    );
    expect(badInput(() => periodStartsBetween('MONTH', '2022-01-15', '2027-01-01'), 'to')).toMatch(
      /At most 60 months.*before 2027-01-01/,
    );
  });

  it('refuses `to` before `from` and malformed days', () => {
    badInput(() => periodStartsBetween('WEEK', '2026-11-20', '2026-11-19'), 'to');
    badInput(() => periodStartsBetween('WEEK', '2026-02-30', '2026-03-19'), 'from');
    badInput(() => periodStartsBetween('MONTH', '2026-02-01', 'soon'), 'to');
  });
});

describe('yearOverYearSpans', () => {
  it('compares this year up to today with the same days of last year', () => {
    expect(yearOverYearSpans(2026, '2026-11-20')).toEqual({
      year: 2026,
      throughDate: '2026-11-20',
      thisYear: { from: '2026-01-01', to: '2026-11-20' },
      lastYear: { from: '2025-01-01', to: '2025-11-20' },
    });
  });

  it('compares a past year whole', () => {
    expect(yearOverYearSpans(2024, '2026-03-01')).toMatchObject({
      throughDate: '2024-12-31',
      lastYear: { from: '2023-01-01', to: '2023-12-31' },
    });
  });

  it('compares 29 February with 28 February of the year before', () => {
    expect(yearOverYearSpans(2028, '2028-02-29')).toMatchObject({
      thisYear: { to: '2028-02-29' },
      lastYear: { to: '2027-02-28' },
    });
  });

  it('refuses a future year, the year 0 and fractions', () => {
    badInput(() => yearOverYearSpans(2027, '2026-11-20'), 'year');
    badInput(() => yearOverYearSpans(0, '2026-11-20'), 'year');
    badInput(() => yearOverYearSpans(2025.5, '2026-11-20'), 'year');
  });
});
