import {
  addClippedAthleteGradient,
  keptExamplesByAthlete,
  predict,
  type TrainingExample,
} from './logistic-gradients';

const anExample = (athleteId: string, x: number[], y: 0 | 1): TrainingExample => ({ athleteId, x, y });

describe('predict', () => {
  it('is sigmoid(w · x), without overflow at large margins', () => {
    expect(predict([0, 0], [1, 1])).toBe(0.5);
    expect(predict([2, -1], [1, 1])).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
    expect(predict([1000], [1])).toBe(1);
    expect(predict([-1000], [1])).toBe(0);
  });
});

describe('keptExamplesByAthlete', () => {
  it('groups by athlete in id order and keeps at most the cap, evenly spaced in the order given', () => {
    const days = Array.from({ length: 10 }, (_, day) => anExample('b', [day], 0));
    const groups = keptExamplesByAthlete([...days, anExample('a', [0], 1)], 4);
    expect(groups.map((group) => group[0]!.athleteId)).toEqual(['a', 'b']);
    expect(groups[1]!.map((example) => example.x[0])).toEqual([0, 2, 5, 7]);
  });

  it('keeps every day of an athlete under the cap', () => {
    expect(keptExamplesByAthlete([anExample('a', [1], 0), anExample('a', [2], 1)], 4)[0]).toHaveLength(2);
  });
});

describe('addClippedAthleteGradient', () => {
  it('adds the summed gradient Σ (p − y)·x as is when its norm is within C', () => {
    const total = new Float64Array([1, 1]);
    // At w = 0, p = 0.5: (0.5 − 1)·[0.3, 0] + (0.5 − 0)·[0, 0.4] = [−0.15, 0.2], norm 0.25.
    addClippedAthleteGradient([0, 0], [anExample('a', [0.3, 0], 1), anExample('a', [0, 0.4], 0)], 1, total);
    expect([...total]).toEqual([0.85, 1.2]);
  });

  it('scales the summed gradient down to norm C when longer, keeping its direction', () => {
    const total = new Float64Array(2);
    const days = Array.from({ length: 8 }, () => anExample('a', [0.6, 0.8], 0));
    // Σ = 8 · 0.5 · [0.6, 0.8] = [2.4, 3.2], norm 4, clipped to 0.5.
    addClippedAthleteGradient([0, 0], days, 0.5, total);
    expect(total[0]).toBeCloseTo(0.3, 12);
    expect(total[1]).toBeCloseTo(0.4, 12);
  });
});
