import { predict, trainDpLogistic, type TrainingExample } from './dp-logistic';
import { createSeededRandom } from './seeded-random';
import { epsilonOfRho, rhoForEpsilon } from './zcdp';

const anExample = (athleteId: string, x: number[], y: 0 | 1): TrainingExample => ({ athleteId, x, y });

/** Athletes whose positive days have a high first feature: a rule a model should find. */
function separableExamples(athletes: number): TrainingExample[] {
  return Array.from({ length: athletes }, (_, a) => [
    anExample(`a${a}`, [0.8, 1], 1),
    anExample(`a${a}`, [-0.6, 1], 0),
    anExample(`a${a}`, [-0.2, 1], 0),
  ]).flat();
}

describe('trainDpLogistic', () => {
  it('learns the direction of a simple rule without noise (ε = ∞)', () => {
    const model = trainDpLogistic(separableExamples(50), {
      epsilon: Infinity,
      random: createSeededRandom(1),
    });
    expect(model.weights[0]).toBeGreaterThan(0);
    expect(predict(model.weights, [0.8, 1])).toBeGreaterThan(predict(model.weights, [-0.6, 1]));
    expect(model.privacy.sigma).toBe(0);
  });

  it('bounds an athlete’s influence by the clip norm however many days they have', () => {
    const manyDays = Array.from({ length: 500 }, () => anExample('loud', [1, 1], 1));
    const options = { epsilon: Infinity, steps: 1, learningRate: 1, l2: 0, clipNorm: 0.5 };
    const { weights } = trainDpLogistic(manyDays, { ...options, random: createSeededRandom(1) });
    // One step from w = 0: the athlete's summed gradient (−0.5·[1, 1] per day) clipped to norm 0.5.
    expect(Math.hypot(...weights)).toBeCloseTo(0.5, 12);
  });

  it('reports its privacy: athlete unit, σ = √(T/(2ρ)) and ρ giving back ε at δ', () => {
    const model = trainDpLogistic(separableExamples(20), {
      epsilon: 1,
      steps: 40,
      random: createSeededRandom(2),
    });
    const { privacy } = model;
    expect(privacy).toMatchObject({
      epsilon: 1,
      delta: 1e-5,
      steps: 40,
      clipNorm: 1,
      unit: 'athlete',
      athletes: 20,
    });
    expect(privacy.rho).toBeCloseTo(rhoForEpsilon(1, 1e-5), 15);
    expect(privacy.sigma).toBeCloseTo(Math.sqrt(40 / (2 * privacy.rho)), 10);
    expect(epsilonOfRho(privacy.rho, privacy.delta)).toBeCloseTo(1, 10);
  });

  it('uses δ = 1/n² once the athletes outnumber √10⁵', () => {
    const model = trainDpLogistic(separableExamples(1000), {
      epsilon: 1,
      steps: 1,
      random: createSeededRandom(3),
    });
    expect(model.privacy.delta).toBe(1e-6);
  });

  it('is deterministic for a seed, and noisy differently for another', () => {
    const train = (seed: number) =>
      trainDpLogistic(separableExamples(30), { epsilon: 0.5, random: createSeededRandom(seed) }).weights;
    expect(train(7)).toEqual(train(7));
    expect(train(8)).not.toEqual(train(7));
  });

  it('refuses bad settings', () => {
    const random = createSeededRandom(1);
    expect(() => trainDpLogistic([], { epsilon: 1, random })).toThrow(RangeError);
    expect(() => trainDpLogistic(separableExamples(2), { epsilon: 0, random })).toThrow(RangeError);
    expect(() => trainDpLogistic(separableExamples(2), { epsilon: 1, steps: 0, random })).toThrow(RangeError);
    expect(() => trainDpLogistic(separableExamples(2), { epsilon: 1, clipNorm: 0, random })).toThrow(
      RangeError,
    );
    const ragged = [anExample('a', [1, 1], 1), anExample('b', [1], 0)];
    expect(() => trainDpLogistic(ragged, { epsilon: 1, random })).toThrow(RangeError);
  });
});
