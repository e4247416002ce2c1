/**
 * The recommendations of rule model version 1 as values: kind, the rules behind it, a plain English
 * sentence and the numbers the sentence quotes. Everything is written from the inputs (no clock, no
 * locale): the same inputs give the same text, so outputs can be compared and hashed.
 */
export type RuleId =
  | 'REST_WHEN_LOAD_SPIKE'
  | 'EASY_WHEN_FORM_VERY_NEGATIVE'
  | 'BACK_GRADUALLY'
  | 'LONG_RUN_CAP'
  | 'GEAR_RETIREMENT';

export type RecommendationKind = 'REST_OR_EASY' | 'BACK_GRADUALLY' | 'LONG_RUN_CAP' | 'GEAR_RETIREMENT';

export interface Recommendation {
  kind: RecommendationKind;
  /** The main rule behind it (the first of `rules`). */
  rule: RuleId;
  /** Every rule behind it: REST_OR_EASY may stand for both the load spike and very negative form. */
  rules: RuleId[];
  message: string;
  details: Record<string, number | string>;
}

export interface GearUse {
  gearId: string;
  gearName: string;
  percent: number;
}

export interface LongRunInputs {
  thisWeekMeters: number;
  previousWeeksMeters: number;
}

const kilometres = (meters: number) => `${(meters / 1000).toFixed(1)} km`;

export function restOrEasy(
  rules: RuleId[],
  form: { tsb: number; acwrEwma: number | null } | null,
  tsbThreshold: number,
): Recommendation {
  const spike = rules.includes('REST_WHEN_LOAD_SPIKE');
  const veryNegative = rules.includes('EASY_WHEN_FORM_VERY_NEGATIVE');
  const reasons = [
    ...(spike ? ['your training load has spiked'] : []),
    ...(veryNegative && form ? [`your form is very negative (TSB ${form.tsb.toFixed(1)})`] : []),
  ];
  const details: Record<string, number | string> = { tsbThreshold };
  if (form) details.tsb = form.tsb;
  if (form?.acwrEwma != null) details.acwrEwma = form.acwrEwma;
  const because = reasons.join(' and ');
  return {
    kind: 'REST_OR_EASY',
    rule: rules[0]!,
    rules,
    message: `${because[0]!.toUpperCase()}${because.slice(1)}: take a rest day or keep today easy.`,
    details,
  };
}

export function backGradually(days: number, fraction: number): Recommendation {
  return {
    kind: 'BACK_GRADUALLY',
    rule: 'BACK_GRADUALLY',
    rules: ['BACK_GRADUALLY'],
    message:
      `It has been ${days} days since your last workout: come back gradually, starting at about ` +
      `${Math.round(fraction * 100)} % of your previous volume.`,
    details: { daysSinceLastWorkout: days, volumeFraction: fraction },
  };
}

export function longRunCap(run: LongRunInputs, capPercent: number): Recommendation {
  const increasePercent = Math.round(
    ((run.thisWeekMeters - run.previousWeeksMeters) * 100) / run.previousWeeksMeters,
  );
  // Floored to 100 m so that the suggestion never exceeds the cap.
  const suggestedMaxMeters = Math.floor((run.thisWeekMeters * (100 + capPercent)) / 100 / 100) * 100;
  return {
    kind: 'LONG_RUN_CAP',
    rule: 'LONG_RUN_CAP',
    rules: ['LONG_RUN_CAP'],
    message:
      `Your longest run this week (${kilometres(run.thisWeekMeters)}) is ${increasePercent} % longer than ` +
      `your longest of the previous three weeks (${kilometres(run.previousWeeksMeters)}): keep your next ` +
      `long run to ${kilometres(suggestedMaxMeters)} at most (+${capPercent} %).`,
    details: {
      longestRunThisWeekMeters: run.thisWeekMeters,
      longestRunPreviousWeeksMeters: run.previousWeeksMeters,
      increasePercent,
      suggestedMaxMeters,
    },
  };
}

export function gearRetirement(gear: GearUse): Recommendation {
  const percent = Math.floor(gear.percent);
  const message =
    gear.percent >= 100
      ? `Your ${gear.gearName} has passed its retirement distance (${percent} %): time to replace it.`
      : `Your ${gear.gearName} is at ${percent} % of its retirement distance: plan to replace it soon.`;
  return {
    kind: 'GEAR_RETIREMENT',
    rule: 'GEAR_RETIREMENT',
    rules: ['GEAR_RETIREMENT'],
    message,
    details: { gearId: gear.gearId, gearName: gear.gearName, percent: gear.percent },
  };
}
