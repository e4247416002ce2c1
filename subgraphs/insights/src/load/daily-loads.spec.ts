import { dailyMethod, dailyTotals, sumLoadsByDateAndSport, type DatedWorkoutLoad } from './daily-loads';

const aLoad = (overrides: Partial<DatedWorkoutLoad> = {}): DatedWorkoutLoad => ({
  date: '2026-04-06',
  sport: 'RUN',
  load: 50,
  method: 'HEART_RATE',
  ...overrides,
});

describe('dailyMethod', () => {
  it('is the single method when all workouts agree', () => {
    expect(dailyMethod(['PACE'])).toBe('PACE');
    expect(dailyMethod(['HEART_RATE', 'HEART_RATE'])).toBe('HEART_RATE');
  });

  it('is MIXED when they differ and NONE on a rest day', () => {
    expect(dailyMethod(['HEART_RATE', 'SESSION_RPE'])).toBe('MIXED');
    expect(dailyMethod([])).toBe('NONE');
  });
});

describe('sumLoadsByDateAndSport', () => {
  it('sums per date and sport, ordered by date then sport', () => {
    const loads = [
      aLoad({ date: '2026-04-07', sport: 'RIDE', load: 10 }),
      aLoad({ load: 30 }),
      aLoad({ sport: 'YOGA', load: 5, method: 'DURATION' }),
      aLoad({ load: 20, method: 'PACE' }),
    ];
    expect(sumLoadsByDateAndSport(loads)).toEqual([
      { date: '2026-04-06', sport: 'RUN', load: 50, method: 'MIXED', workouts: 2 },
      { date: '2026-04-06', sport: 'YOGA', load: 5, method: 'DURATION', workouts: 1 },
      { date: '2026-04-07', sport: 'RIDE', load: 10, method: 'HEART_RATE', workouts: 1 },
    ]);
  });

  it('throws on a malformed date or a load that is not finite and ≥ 0', () => {
    expect(() => sumLoadsByDateAndSport([aLoad({ date: '2026-4-6' })])).toThrow(/YYYY-MM-DD/);
    expect(() => sumLoadsByDateAndSport([aLoad({ load: -1 })])).toThrow(/finite number ≥ 0/);
    expect(() => sumLoadsByDateAndSport([aLoad({ load: Number.NaN })])).toThrow(/finite number ≥ 0/);
  });
});

describe('dailyTotals', () => {
  it('gives each day of the range its total, 0 on rest days, leaving out loads outside it', () => {
    const loads = [
      { date: '2026-02-27', load: 99 },
      { date: '2026-02-28', load: 10 },
      { date: '2026-03-02', load: 5 },
      { date: '2026-03-02', load: 7 },
      { date: '2026-03-03', load: 99 },
    ];
    expect(dailyTotals('2026-02-28', '2026-03-02', loads)).toEqual([10, 0, 12]);
  });

  it('is empty when the range ends before it starts', () => {
    expect(dailyTotals('2026-03-02', '2026-03-01', [])).toEqual([]);
  });
});
