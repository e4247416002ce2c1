/**
 * The private injury model on a synthetic cohort whose injuries follow a known rule (synthetic-cohort.ts):
 * trained on 70 % of the athletes, scored on the other 30 %.
 */
import { predict, trainDpLogistic, type DpLogisticModel, type TrainingExample } from './dp-logistic';
import { auc, splitByAthlete } from './evaluation';
import { INJURY_FEATURE_BOUNDS, INJURY_FEATURE_NAMES, featuresOf } from './injury-features';
import { ruleRiskScore } from './rule-model';
import { createSeededRandom } from './seeded-random';
import { HIDDEN_INJURY_RULE, syntheticCohort } from './synthetic-cohort';

const cohort = syntheticCohort({ athletes: 600, days: 120, seed: 2024 });
const training: TrainingExample[] = [];
const heldOut = { x: [] as number[][], y: [] as (0 | 1)[], truth: [] as number[], rules: [] as number[] };
for (const row of cohort) {
  const x = featuresOf(row.form);
  if (splitByAthlete(row.athleteId) === 'TRAIN') {
    training.push({ athleteId: row.athleteId, x, y: row.injuredWithin7Days });
  } else {
    heldOut.x.push(x);
    heldOut.y.push(row.injuredWithin7Days);
    heldOut.truth.push(row.injuryProbability);
    heldOut.rules.push(ruleRiskScore({ ...row.form, loadSpikeRaised: row.loadSpikeRaised }));
  }
}

const train = (epsilon: number, seed: number) =>
  trainDpLogistic(training, { epsilon, random: createSeededRandom(seed) });
const heldOutAuc = (model: DpLogisticModel) =>
  auc(
    heldOut.x.map((x) => predict(model.weights, x)),
    heldOut.y,
  );
const ACWR = INJURY_FEATURE_NAMES.indexOf('acwrEwma');
const distance = (a: number[], b: number[]) => Math.hypot(...a.map((value, j) => value - b[j]!));

describe('the private injury model on a synthetic cohort', () => {
  const nonPrivate = train(Infinity, 1);
  const private1 = train(1, 1);

  it('trains on at least 400 athletes and holds back the others', () => {
    expect(private1.privacy.athletes).toBeGreaterThanOrEqual(400);
    expect(heldOut.y.length).toBeGreaterThan(100 * 120);
  });

  it('recovers the rule at ε = ∞: AUC within 0.02 of the hidden probabilities’ own, the acwr weight within 20 %', () => {
    const oracle = auc(heldOut.truth, heldOut.y);
    expect(heldOutAuc(nonPrivate)).toBeGreaterThan(oracle - 0.02);
    // The hidden logit rises 3.5 per unit of acwr; a scaled unit is half the bounds' width.
    const { min, max } = INJURY_FEATURE_BOUNDS[ACWR]!;
    const hiddenWeight = (HIDDEN_INJURY_RULE.acwr * (max - min)) / 2;
    expect(Math.abs(nonPrivate.weights[ACWR]! / hiddenWeight - 1)).toBeLessThan(0.2);
  });

  it('recovers the rule at ε = 1: AUC above 0.7, the acwr weight positive and the largest', () => {
    expect(heldOutAuc(private1)).toBeGreaterThan(0.7);
    const featureWeights = private1.weights.slice(0, -1).map(Math.abs);
    expect(private1.weights[ACWR]).toBeGreaterThan(0);
    expect(Math.max(...featureWeights)).toBe(featureWeights[ACWR]);
  });

  it('ranks injuries better than the rule model read as a risk score', () => {
    expect(heldOutAuc(private1)).toBeGreaterThan(auc(heldOut.rules, heldOut.y));
  });

  it('adds more noise at smaller ε: larger σ and, over seeds, farther from the non-private weights', () => {
    const seeds = [1, 2, 3, 4];
    const meanDistance = (epsilon: number) =>
      seeds.reduce((sum, seed) => sum + distance(train(epsilon, seed).weights, nonPrivate.weights), 0) /
      seeds.length;
    expect(train(0.1, 1).privacy.sigma).toBeGreaterThan(50 * train(10, 1).privacy.sigma);
    expect(meanDistance(0.1)).toBeGreaterThan(5 * meanDistance(10));
  });

  it('gives the same model for the same seed', () => {
    expect(train(1, 1)).toEqual(private1);
  });
});
