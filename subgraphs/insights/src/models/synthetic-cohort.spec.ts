import { HIDDEN_INJURY_RULE, hiddenInjuryProbability, syntheticCohort } from './synthetic-cohort';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('hiddenInjuryProbability', () => {
  it('is sigmoid(−3.5) at a steady ratio and typical monotony', () => {
    expect(hiddenInjuryProbability({ acwrEwma: 1, monotony: 1.5 })).toBeCloseTo(sigmoid(-3.5), 12);
    expect(hiddenInjuryProbability({ acwrEwma: null, monotony: null })).toBeCloseTo(sigmoid(-3.5), 12);
  });

  it('rises with the ratio by 3.5 on the logit per unit', () => {
    const logit = (p: number) => Math.log(p / (1 - p));
    const rise = logit(hiddenInjuryProbability({ acwrEwma: 1.5, monotony: 1.5 })) - logit(sigmoid(-3.5));
    expect(rise).toBeCloseTo(HIDDEN_INJURY_RULE.acwr * 0.5, 10);
  });
});

describe('syntheticCohort', () => {
  const cohort = syntheticCohort({ athletes: 40, days: 60, seed: 11 });

  it('gives every athlete one row per day, on consecutive dates after a 56-day warm-up', () => {
    expect(cohort).toHaveLength(40 * 60);
    const first = cohort.filter((row) => row.athleteId === 'athlete-0000');
    expect(first.map((row) => row.form.day)).toEqual(Array.from({ length: 60 }, (_, index) => 57 + index));
    expect(first[0]!.form.date).toBe('2024-02-26');
    expect(first[1]!.form.date).toBe('2024-02-27');
  });

  it('replays from the same seed and differs with another', () => {
    expect(syntheticCohort({ athletes: 40, days: 60, seed: 11 })).toEqual(cohort);
    expect(syntheticCohort({ athletes: 40, days: 60, seed: 12 })).not.toEqual(cohort);
  });

  it('draws labels from the hidden rule: the injury rate is close to the mean probability', () => {
    const big = syntheticCohort({ athletes: 200, days: 100, seed: 5 });
    const rate = big.reduce((sum, row) => sum + row.injuredWithin7Days, 0) / big.length;
    const expected = big.reduce((sum, row) => sum + row.injuryProbability, 0) / big.length;
    expect(Math.abs(rate - expected)).toBeLessThan(0.005);
    expect(expected).toBeGreaterThan(0.02);
    expect(expected).toBeLessThan(0.08);
  });

  it('varies the ratio as real loads do: breaks below 0.8, spikes above 1.5', () => {
    const ratios = cohort.map((row) => row.form.acwrEwma ?? 1);
    expect(ratios.filter((ratio) => ratio < 0.8).length).toBeGreaterThan(cohort.length * 0.02);
    expect(ratios.filter((ratio) => ratio > 1.5).length).toBeGreaterThan(cohort.length * 0.01);
    expect(cohort.filter((row) => row.loadSpikeRaised).length).toBe(ratios.filter((r) => r > 1.5).length);
  });
});
