import { ageGroupOf, cohortSizeAtLeast, cohortsOfWeek, weeklyDistanceCap } from './cohort-rules';

describe('ageGroupOf', () => {
  it('groups by the age reached in the year', () => {
    expect(ageGroupOf(2008, 2026)).toBe('18-29');
    expect(ageGroupOf(1997, 2026)).toBe('18-29');
    expect(ageGroupOf(1996, 2026)).toBe('30-39');
    expect(ageGroupOf(1986, 2026)).toBe('40-49');
    expect(ageGroupOf(1967, 2026)).toBe('50-59');
    expect(ageGroupOf(1966, 2026)).toBe('60+');
    expect(ageGroupOf(1930, 2026)).toBe('60+');
  });

  it('has no age group under 18 or without a birth year', () => {
    expect(ageGroupOf(2009, 2026)).toBeNull();
    expect(ageGroupOf(null, 2026)).toBeNull();
  });
});

describe('weeklyDistanceCap', () => {
  it('clips by sport category', () => {
    expect(weeklyDistanceCap('TRAIL_RUN')).toBe(300_000);
    expect(weeklyDistanceCap('GRAVEL_RIDE')).toBe(1_500_000);
    expect(weeklyDistanceCap('OPEN_WATER_SWIM')).toBe(100_000);
    expect(weeklyDistanceCap('NORDIC_SKI')).toBe(500_000);
    expect(weeklyDistanceCap('VIRTUAL_RIDE')).toBe(500_000); // INDOOR
    expect(weeklyDistanceCap('SOMETHING_NEW')).toBe(500_000);
  });
});

describe('cohortSizeAtLeast', () => {
  it('rounds the true size down to a multiple of 10', () => {
    expect([20, 29, 30, 151].map(cohortSizeAtLeast)).toEqual([20, 20, 30, 150]);
  });
});

describe('cohortsOfWeek', () => {
  const birthYears = new Map<string, number | null>([
    ['a', 1990],
    ['b', 1991],
    ['c', 2012],
    ['d', null],
  ]);
  const row = (userId: string, sport: string, distanceMeters: number) => ({ userId, sport, distanceMeters });

  it('puts every consenting athlete of a sport in `all` and the adults in their age group', () => {
    const cohorts = cohortsOfWeek(
      [
        row('a', 'RUN', 10),
        row('b', 'RUN', 20),
        row('c', 'RUN', 30),
        row('d', 'RUN', 40),
        row('a', 'RIDE', 50),
      ],
      birthYears,
      2026,
    );
    expect(cohorts).toEqual([
      { sport: 'RIDE', ageGroup: 'all', distances: [50], members: ['a'] },
      { sport: 'RIDE', ageGroup: '30-39', distances: [50], members: ['a'] },
      { sport: 'RUN', ageGroup: 'all', distances: [10, 20, 30, 40], members: ['a', 'b', 'c', 'd'] },
      { sport: 'RUN', ageGroup: '30-39', distances: [10, 20], members: ['a', 'b'] },
    ]);
  });

  it('leaves out athletes who did not consent', () => {
    expect(cohortsOfWeek([row('stranger', 'RUN', 10)], birthYears, 2026)).toEqual([]);
  });
});
