import { createRunTracker } from './runs';

describe('createRunTracker', () => {
  it('merges runs whatever the order values arrive in', () => {
    const runs = createRunTracker();
    for (const value of [5, 1, 3, 2, 7, 4]) runs.add(value);
    expect(runs.longest()).toBe(5);
    expect(runs.runEndingAt(5)).toBe(5);
    expect(runs.runEndingAt(7)).toBe(1);
  });

  it('ignores a value added twice and knows only run ends', () => {
    const runs = createRunTracker();
    for (const value of [10, 11, 11, 12]) runs.add(value);
    expect(runs.longest()).toBe(3);
    expect(runs.runEndingAt(11)).toBe(0);
    expect(runs.runEndingAt(13)).toBe(0);
  });
});
