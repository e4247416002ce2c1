import { lastCompleteWeek } from './cohort-benchmarks';

describe('lastCompleteWeek', () => {
  it("is the Monday of the week before today's", () => {
    expect(lastCompleteWeek('2026-11-30')).toBe('2026-11-23'); // a Monday
    expect(lastCompleteWeek('2026-12-06')).toBe('2026-11-23'); // the Sunday after
    expect(lastCompleteWeek('2027-01-01')).toBe('2026-12-21'); // across the new year
  });
});
