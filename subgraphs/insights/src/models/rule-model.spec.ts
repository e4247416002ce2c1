import { RULE_MODEL, recommend, ruleRiskScore, type RecommendationInputs } from './rule-model';

/** A quiet day: no rule fires. */
function aDay(overrides: Partial<RecommendationInputs> = {}): RecommendationInputs {
  return {
    date: '2024-05-01',
    form: { tsb: -5, acwrEwma: 1.05, day: 120 },
    loadSpikeRaised: false,
    daysSinceLastWorkout: 1,
    longestRunThisWeekMeters: 12_000,
    longestRunPreviousWeeksMeters: 12_000,
    gearNearRetirement: [],
    ...overrides,
  };
}

const kindsOf = (inputs: RecommendationInputs) => recommend(inputs).recommendations.map((r) => r.kind);

describe('recommend', () => {
  it('recommends nothing on a quiet day, and says which model version answered', () => {
    expect(recommend(aDay())).toMatchObject({ modelVersion: 1, rulesFired: [], recommendations: [] });
  });

  describe('REST_WHEN_LOAD_SPIKE', () => {
    it('recommends rest or an easy day when a load spike is raised', () => {
      const outcome = recommend(aDay({ loadSpikeRaised: true }));
      expect(outcome.rulesFired).toEqual(['REST_WHEN_LOAD_SPIKE']);
      expect(outcome.recommendations[0]).toMatchObject({
        kind: 'REST_OR_EASY',
        rule: 'REST_WHEN_LOAD_SPIKE',
      });
    });
  });

  describe('EASY_WHEN_FORM_VERY_NEGATIVE', () => {
    const withForm = (tsb: number, day = 120) => aDay({ form: { tsb, acwrEwma: 1.2, day } });

    it('fires below TSB −30, not at −30', () => {
      expect(kindsOf(withForm(-30))).toEqual([]);
      expect(kindsOf(withForm(-30.01))).toEqual(['REST_OR_EASY']);
    });

    it('waits for 42 days of history: before that TSB is mostly the warm-up of CTL', () => {
      expect(kindsOf(withForm(-45, 41))).toEqual([]);
      expect(kindsOf(withForm(-45, 42))).toEqual(['REST_OR_EASY']);
    });

    it('does not fire without form', () => {
      expect(kindsOf(aDay({ form: null }))).toEqual([]);
    });
  });

  it('gives one REST_OR_EASY recommendation citing both rules when the spike and the form fire', () => {
    const outcome = recommend(aDay({ loadSpikeRaised: true, form: { tsb: -34, acwrEwma: 1.6, day: 90 } }));
    expect(outcome.rulesFired).toEqual(['REST_WHEN_LOAD_SPIKE', 'EASY_WHEN_FORM_VERY_NEGATIVE']);
    expect(outcome.recommendations).toHaveLength(1);
    expect(outcome.recommendations[0]!.rules).toEqual(outcome.rulesFired);
  });

  describe('BACK_GRADUALLY', () => {
    it('fires at 14 days since the last workout, not at 13 nor without a workout', () => {
      expect(kindsOf(aDay({ daysSinceLastWorkout: 13 }))).toEqual([]);
      expect(kindsOf(aDay({ daysSinceLastWorkout: null }))).toEqual([]);
      expect(recommend(aDay({ daysSinceLastWorkout: 14 })).recommendations).toEqual([
        expect.objectContaining({
          kind: 'BACK_GRADUALLY',
          details: { daysSinceLastWorkout: 14, volumeFraction: 0.5 },
        }),
      ]);
    });
  });

  describe('LONG_RUN_CAP', () => {
    const runs = (thisWeek: number | null, previous: number | null) =>
      aDay({ longestRunThisWeekMeters: thisWeek, longestRunPreviousWeeksMeters: previous });

    it('fires above +10 % on the previous three weeks, not at exactly +10 %', () => {
      expect(kindsOf(runs(11_000, 10_000))).toEqual([]);
      expect(kindsOf(runs(11_001, 10_000))).toEqual(['LONG_RUN_CAP']);
    });

    it('suggests at most +10 % on this week, floored to 100 m', () => {
      const [cap] = recommend(runs(15_050, 10_000)).recommendations;
      expect(cap!.details).toMatchObject({ increasePercent: 51, suggestedMaxMeters: 16_500 });
    });

    it('does not fire without runs to compare', () => {
      expect(kindsOf(runs(10_000, null))).toEqual([]);
      expect(kindsOf(runs(null, 10_000))).toEqual([]);
      expect(kindsOf(runs(10_000, 0))).toEqual([]);
    });
  });

  describe('GEAR_RETIREMENT', () => {
    it('names each gear item at 80 % or more, in the order given', () => {
      const gearNearRetirement = [
        { gearId: 'g1', gearName: 'Pegasus 40', percent: 79.99 },
        { gearId: 'g2', gearName: 'Speedgoat 5', percent: 80 },
        { gearId: 'g3', gearName: 'Clifton 9', percent: 112 },
      ];
      const outcome = recommend(aDay({ gearNearRetirement }));
      expect(outcome.rulesFired).toEqual(['GEAR_RETIREMENT']);
      expect(outcome.recommendations.map((r) => r.details.gearId)).toEqual(['g2', 'g3']);
    });
  });

  it('orders recommendations rest, comeback, long run, gear', () => {
    const everything = aDay({
      loadSpikeRaised: true,
      daysSinceLastWorkout: 20,
      longestRunThisWeekMeters: 20_000,
      gearNearRetirement: [{ gearId: 'g', gearName: 'Shoe', percent: 90 }],
    });
    expect(kindsOf(everything)).toEqual([
      'REST_OR_EASY',
      'BACK_GRADUALLY',
      'LONG_RUN_CAP',
      'GEAR_RETIREMENT',
    ]);
  });

  it('is deterministic: the same inputs give a deeply equal outcome, hash included', () => {
    const inputs = aDay({
      loadSpikeRaised: true,
      gearNearRetirement: [{ gearId: 'g', gearName: 'S', percent: 85 }],
    });
    expect(recommend(structuredClone(inputs))).toEqual(recommend(inputs));
  });

  it('hashes the inputs: another date or value gives another hash, key order does not', () => {
    const base = recommend(aDay()).inputsHash;
    expect(recommend(aDay({ date: '2024-05-02' })).inputsHash).not.toBe(base);
    expect(recommend(aDay({ form: { tsb: -5, acwrEwma: 1.06, day: 120 } })).inputsHash).not.toBe(base);
    expect(recommend(aDay({ form: { day: 120, acwrEwma: 1.05, tsb: -5 } })).inputsHash).toBe(base);
  });

  it('hashes only the fields it reads: extra form or gear fields do not change the hash', () => {
    const form = { tsb: -5, acwrEwma: 1.05, day: 120, strain: 812, ctl: 55 };
    expect(recommend(aDay({ form })).inputsHash).toBe(recommend(aDay()).inputsHash);
  });

  it('documents every feature it reads and every threshold it applies', () => {
    expect(RULE_MODEL).toMatchObject({ name: 'recommendations', version: 1, kind: 'RULES' });
    expect(RULE_MODEL.parameters).toMatchObject({ veryNegativeTsb: -30, backGraduallyAfterDays: 14 });
  });
});

describe('ruleRiskScore', () => {
  it('is 1 exactly when the rules recommend rest', () => {
    expect(ruleRiskScore({ loadSpikeRaised: true, tsb: 10, day: 5 })).toBe(1);
    expect(ruleRiskScore({ loadSpikeRaised: false, tsb: -31, day: 60 })).toBe(1);
  });

  it('grades the other days by how far TSB has fallen towards −30, from 0 to 0.5', () => {
    expect(ruleRiskScore({ loadSpikeRaised: false, tsb: 5, day: 60 })).toBe(0);
    expect(ruleRiskScore({ loadSpikeRaised: false, tsb: -15, day: 60 })).toBe(0.25);
    expect(ruleRiskScore({ loadSpikeRaised: false, tsb: -30, day: 60 })).toBe(0.5);
  });

  it('ignores TSB during the warm-up, as the rules do', () => {
    expect(ruleRiskScore({ loadSpikeRaised: false, tsb: -50, day: 10 })).toBe(0);
  });
});
