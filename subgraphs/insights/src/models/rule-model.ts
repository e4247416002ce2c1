/**
 * Recommendation model version 1: five written-down rules over an athlete's day, no learning. Pure: the
 * output depends on the inputs only (no clock), and carries the hash of those inputs so that a stored
 * recommendation can be traced to what produced it. Every threshold is in RULE_MODEL.parameters; changing
 * one means a new model version.
 */
import { inputsHash } from './inputs-hash';
import {
  backGradually,
  gearRetirement,
  longRunCap,
  restOrEasy,
  type GearUse,
  type LongRunInputs,
  type Recommendation,
  type RuleId,
} from './rule-messages';

export type { GearUse, Recommendation, RecommendationKind, RuleId } from './rule-messages';

export const RULE_MODEL = {
  name: 'recommendations',
  version: 1,
  kind: 'RULES',
  features: [
    'loadSpikeRaised',
    'form.tsb',
    'form.day',
    'form.acwrEwma',
    'daysSinceLastWorkout',
    'longestRunThisWeekMeters',
    'longestRunPreviousWeeksMeters',
    'gearNearRetirement',
  ],
  parameters: {
    /** EASY_WHEN_FORM_VERY_NEGATIVE fires when TSB is strictly below this. */
    veryNegativeTsb: -30,
    /** …and only from this day of history on: before one CTL time constant (42 d) TSB is mostly warm-up. */
    formMinimumDays: 42,
    /** BACK_GRADUALLY fires at this many days (or more) since the last workout… */
    backGraduallyAfterDays: 14,
    /** …and suggests restarting at this fraction of the previous volume. */
    backGraduallyVolumeFraction: 0.5,
    /** LONG_RUN_CAP fires when this week's longest run is more than this % above the previous 3 weeks'. */
    longRunJumpPercent: 10,
    /** …and suggests the next long run be at most this % above this week's longest (floored to 100 m). */
    longRunNextIncreasePercent: 10,
    /** GEAR_RETIREMENT fires for each gear item at this % of its retirement distance or more. */
    gearRetirementPercent: 80,
  },
} as const;

export interface RecommendationInputs {
  date: string;
  form: { tsb: number; acwrEwma: number | null; day: number } | null;
  loadSpikeRaised: boolean;
  daysSinceLastWorkout: number | null;
  longestRunThisWeekMeters: number | null;
  /** The longest single run of the previous 3 weeks. */
  longestRunPreviousWeeksMeters: number | null;
  gearNearRetirement: GearUse[];
}

export interface RuleOutcome {
  modelVersion: typeof RULE_MODEL.version;
  inputsHash: string;
  rulesFired: RuleId[];
  recommendations: Recommendation[];
}

const { parameters } = RULE_MODEL;

/** Whether the form rule fires: TSB strictly below the threshold, once past the warm-up. */
function formVeryNegative(form: { tsb: number; day: number } | null): boolean {
  return form !== null && form.day >= parameters.formMinimumDays && form.tsb < parameters.veryNegativeTsb;
}

/** Whether this week's longest run jumped; integer arithmetic so that exactly +10 % does not fire. */
function longRunJumped(run: LongRunInputs): boolean {
  return run.thisWeekMeters * 100 > run.previousWeeksMeters * (100 + parameters.longRunJumpPercent);
}

/**
 * Exactly the fields the rules read. Callers may pass wider objects (the whole form state, gear records):
 * hashing this copy keeps the hash a fingerprint of what the model saw, not of fields it ignores.
 */
function fieldsRead(inputs: RecommendationInputs): RecommendationInputs {
  const { form } = inputs;
  return {
    date: inputs.date,
    form: form && { tsb: form.tsb, acwrEwma: form.acwrEwma, day: form.day },
    loadSpikeRaised: inputs.loadSpikeRaised,
    daysSinceLastWorkout: inputs.daysSinceLastWorkout,
    longestRunThisWeekMeters: inputs.longestRunThisWeekMeters,
    longestRunPreviousWeeksMeters: inputs.longestRunPreviousWeeksMeters,
    gearNearRetirement: inputs.gearNearRetirement.map(({ gearId, gearName, percent }) => ({
      gearId,
      gearName,
      percent,
    })),
  };
}

/** Applies the rules of version 1 to one athlete's day. */
export function recommend(givenInputs: RecommendationInputs): RuleOutcome {
  const inputs = fieldsRead(givenInputs);
  const recommendations: Recommendation[] = [];
  const restRules: RuleId[] = [];
  if (inputs.loadSpikeRaised) restRules.push('REST_WHEN_LOAD_SPIKE');
  if (formVeryNegative(inputs.form)) restRules.push('EASY_WHEN_FORM_VERY_NEGATIVE');
  if (restRules.length > 0)
    recommendations.push(restOrEasy(restRules, inputs.form, parameters.veryNegativeTsb));

  const days = inputs.daysSinceLastWorkout;
  if (days !== null && days >= parameters.backGraduallyAfterDays) {
    recommendations.push(backGradually(days, parameters.backGraduallyVolumeFraction));
  }

  const thisWeek = inputs.longestRunThisWeekMeters;
  const previous = inputs.longestRunPreviousWeeksMeters;
  if (thisWeek !== null && previous !== null && previous > 0) {
    const run = { thisWeekMeters: thisWeek, previousWeeksMeters: previous };
    if (longRunJumped(run)) recommendations.push(longRunCap(run, parameters.longRunNextIncreasePercent));
  }

  for (const gear of inputs.gearNearRetirement) {
    if (gear.percent >= parameters.gearRetirementPercent) recommendations.push(gearRetirement(gear));
  }

  return {
    modelVersion: RULE_MODEL.version,
    inputsHash: inputsHash(inputs),
    rulesFired: [...new Set(recommendations.flatMap((recommendation) => recommendation.rules))],
    recommendations,
  };
}

export interface RuleRiskFeatures {
  loadSpikeRaised: boolean;
  tsb: number;
  day: number;
}

/**
 * The rule model read as an injury-risk classifier, to compare with learned models on the same held-back
 * days: 1 when it would recommend rest (a load spike, or TSB below −30 after the warm-up); otherwise a
 * graded 0 to 0.5 for how far TSB has fallen towards the threshold (0 at TSB ≥ 0 or during the warm-up).
 * Thresholding at 1 gives the rules' own decision; the grading only orders the days the rules let pass.
 */
export function ruleRiskScore(features: RuleRiskFeatures): number {
  if (features.loadSpikeRaised || formVeryNegative(features)) return 1;
  if (features.day < parameters.formMinimumDays) return 0;
  const towardsThreshold = features.tsb / parameters.veryNegativeTsb;
  return 0.5 * Math.min(1, Math.max(0, towardsThreshold));
}
