import { workoutInstantProblem } from './workout-time-window';

const NOW = Date.parse('2026-11-20T08:00:00Z');

describe('workoutInstantProblem', () => {
  it.each([
    ['1970-01-01T00:00:00Z', null],
    ['2026-11-21T08:00:00Z', null],
    ['1969-12-31T23:59:59.999Z', 'lies before 1970-01-01T00:00:00Z, the earliest instant Pulse records'],
    ['0001-01-01T00:00:00Z', 'lies before 1970-01-01T00:00:00Z, the earliest instant Pulse records'],
    ['2026-11-21T08:00:00.001Z', 'lies more than a day in the future'],
    ['9999-12-31T23:59:59Z', 'lies more than a day in the future'],
  ])('judges %s from one day before to one after', (at, problem) => {
    expect(workoutInstantProblem(Date.parse(at), NOW)).toBe(problem);
  });

  it('refuses what is not an instant', () => {
    expect(workoutInstantProblem(Number.NaN, NOW)).toBe('is not a valid instant');
  });
});
