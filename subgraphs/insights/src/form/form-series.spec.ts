import fc from 'fast-check';
import { firstNonFiniteNumber } from '../../../../lib/testing/finite-numbers';
import { addDays } from './calendar-days';
import { decayedForm, formSeries } from './form-series';

const days = (count: number, load: number) => Array.from({ length: count }, () => load);
const lastOf = <T>(items: readonly T[]): T => items[items.length - 1]!;

describe('formSeries', () => {
  it('pins the worked example: 28 days at 300 AU, then 7 days at 600 AU', () => {
    const day35 = lastOf(formSeries('2026-01-01', [...days(28, 300), ...days(7, 600)], null, []));
    expect(day35).toMatchObject({ date: '2026-02-04', day: 35, load: 600 });
    // Rolling: 600 / ((21 × 300 + 7 × 600) / 28 = 375) = 1.60 coupled; 600 / 300 = 2.00 uncoupled.
    expect(day35.acwrCoupled).toBeCloseTo(1.6, 2);
    expect(day35.acwrUncoupled).toBeCloseTo(2.0, 2);
    // EWMA seeded with 300 stays at 300 for 28 days, then moves towards 600 for 7 days:
    // acute 600 − 300 × 0.75^7 = 559.95; chronic 600 − 300 × (27/29)^7 = 418.08; ratio 1.34.
    expect(day35.acute).toBeCloseTo(559.95, 2);
    expect(day35.chronic).toBeCloseTo(418.08, 2);
    expect(day35.acwrEwma).toBeCloseTo(1.34, 2);
  });

  it('gives consecutive days from the start date', () => {
    const series = formSeries('2026-02-27', [1, 2, 3], null, []);
    expect(series.map(({ date, day, load }) => [date, day, load])).toEqual([
      ['2026-02-27', 1, 1],
      ['2026-02-28', 2, 2],
      ['2026-03-01', 3, 3],
    ]);
  });

  it('is path-consistent: 60 days at once equal 30 days, then 30 more from the state of day 30', () => {
    const loads = fc.array(fc.double({ min: 0, max: 2000, noNaN: true }), { minLength: 60, maxLength: 60 });
    fc.assert(
      fc.property(loads, fc.integer({ min: 1, max: 59 }), (sixtyDays, split) => {
        const whole = formSeries('2026-01-01', sixtyDays, null, []);
        const first = formSeries('2026-01-01', sixtyDays.slice(0, split), null, []);
        const history = sixtyDays.slice(0, split).slice(-34);
        const rest = formSeries(addDays('2026-01-01', split), sixtyDays.slice(split), lastOf(first), history);
        expect([...first, ...rest]).toEqual(whole);
      }),
      { numRuns: 100 },
    );
  });

  it('pins the split at day 30 exactly', () => {
    const sixtyDays = Array.from({ length: 60 }, (_, index) => (index * 37) % 150);
    const first = formSeries('2026-01-01', sixtyDays.slice(0, 30), null, []);
    const rest = formSeries('2026-01-31', sixtyDays.slice(30), lastOf(first), sixtyDays.slice(0, 30));
    expect([...first, ...rest]).toEqual(formSeries('2026-01-01', sixtyDays, null, []));
  });

  it('throws on history that does not match the previous state', () => {
    const [day1] = formSeries('2026-01-01', [100], null, []);
    expect(() => formSeries('2026-01-02', [50], day1!, [])).toThrow(/expected 1 loads of history/);
    expect(() => formSeries('2026-01-02', [50], null, [100])).toThrow(/expected 0 loads of history/);
    expect(() => formSeries('2026-01-01', [-5], null, [])).toThrow(/finite and ≥ 0/);
  });

  it('gives finite figures for any loads', () => {
    const loads = fc.array(fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }), { maxLength: 80 });
    fc.assert(
      fc.property(loads, (anyLoads) => {
        expect(firstNonFiniteNumber(formSeries('2026-01-01', anyLoads, null, []))).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});

describe('decayedForm', () => {
  const loads = Array.from({ length: 50 }, (_, index) => 50 + ((index * 53) % 200));
  const series = formSeries('2026-01-01', loads, null, []);
  const last = lastOf(series);
  const window = loads.slice(-35);
  const withRest = (restDays: number) =>
    lastOf(formSeries('2026-01-01', [...loads, ...days(restDays, 0)], null, []));

  it('is the last state on its own day', () => {
    expect(decayedForm(last, last.date, window)).toBe(last);
  });

  it('equals the series continued with rest days, up to 35 of them', () => {
    for (const restDays of [1, 6, 7, 34, 35]) {
      expect(decayedForm(last, addDays(last.date, restDays), window)).toEqual(withRest(restDays));
    }
  });

  it('decays the averages in one step beyond 35 days, as the day-by-day series would', () => {
    const later = decayedForm(last, addDays(last.date, 200), window);
    const stepped = withRest(200);
    expect(later).toMatchObject({
      date: stepped.date,
      day: stepped.day,
      load: 0,
      acwrCoupled: null,
      monotony: null,
    });
    for (const key of ['acute', 'chronic', 'ctl', 'atl', 'tsb', 'acwrEwma'] as const) {
      expect(later[key]).toBeCloseTo(stepped[key]!, 9);
    }
  });

  it('stays finite and cheap years later', () => {
    const muchLater = decayedForm(last, '9999-12-31', window);
    expect(firstNonFiniteNumber(muchLater)).toBeNull();
    expect(muchLater).toMatchObject({ acute: 0, ctl: 0, atl: 0, load: 0 });
  });

  it('throws for a day before the last state', () => {
    expect(() => decayedForm(last, addDays(last.date, -1), window)).toThrow(/before/);
  });
});
