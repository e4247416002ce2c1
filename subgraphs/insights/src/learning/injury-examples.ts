/**
 * The injury model's examples, one per athlete-day: x = the day's features, y = 1 when the athlete reported
 * an injury dated in (day, day + 7], and the rule model's risk score of the same day, so that both are scored
 * on the same held-back days. Only athletes who consented to model training give examples; days up to day 28
 * of the history give none (the chronic load is still settling), nor do the last 7 days before an athlete's
 * last FormDay (a report may still come for them: their label is not known yet). Pure: no I/O.
 */
import { dayNumber } from '../form/calendar-days';
import { LOAD_SPIKE_RULE } from '../form/load-spike';
import type { TrainingExample } from '../models/dp-logistic';
import { featuresOf } from '../models/injury-features';
import { ruleRiskScore } from '../models/rule-model';
import { INJURY_MODEL } from './injury-model';

/** The fields of a FormDay row the examples read. */
export interface InjuryFormDay {
  userId: string;
  date: string;
  day: number;
  acwrEwma: number | null;
  chronic: number;
  tsb: number;
  monotony: number | null;
}

export interface InjuryExample extends TrainingExample {
  date: string;
  day: number;
  /** ruleRiskScore of the same day: the rules read as a risk score, the learned model's baseline. */
  ruleScore: number;
}

export interface InjuryExampleInputs {
  /** The athletes who consented to model training: nobody else's rows are read. */
  consenting: Iterable<string>;
  /** FormDay rows, each athlete's through their last day (rows up to day 28 may be left out). */
  days: readonly InjuryFormDay[];
  injuries: readonly { userId: string; date: string }[];
}

/** The rule model's risk score of a day: a load spike as the load-spike rule raises it, and TSB. */
export function ruleScoreOf(form: Pick<InjuryFormDay, 'acwrEwma' | 'tsb' | 'day'>): number {
  const { raiseAbove, minHistoryDays } = LOAD_SPIKE_RULE;
  const loadSpikeRaised = form.acwrEwma !== null && form.acwrEwma > raiseAbove && form.day > minHistoryDays;
  return ruleRiskScore({ loadSpikeRaised, tsb: form.tsb, day: form.day });
}

const groupBy = <T extends { userId: string }>(rows: readonly T[], keep: ReadonlySet<string>) => {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    if (!keep.has(row.userId)) continue;
    const group = groups.get(row.userId);
    if (group) group.push(row);
    else groups.set(row.userId, [row]);
  }
  return groups;
};

/** The examples of the consenting athletes, by athlete id then date. */
export function injuryExamples({ consenting, days, injuries }: InjuryExampleInputs): InjuryExample[] {
  const { horizonDays, minHistoryDays } = INJURY_MODEL;
  const keep = new Set(consenting);
  const reportsOf = groupBy(injuries, keep);
  const examples: InjuryExample[] = [];
  for (const [athleteId, own] of [...groupBy(days, keep)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const reported = new Set((reportsOf.get(athleteId) ?? []).map((report) => dayNumber(report.date)));
    const numbered = own.map((form) => ({ form, number: dayNumber(form.date) }));
    const labelledUntil = Math.max(...numbered.map(({ number }) => number)) - horizonDays;
    numbered.sort((a, b) => a.number - b.number);
    for (const { form, number } of numbered) {
      if (form.day <= minHistoryDays || number > labelledUntil) continue;
      let injured = false;
      for (let ahead = 1; ahead <= horizonDays && !injured; ahead++) injured = reported.has(number + ahead);
      examples.push({
        athleteId,
        date: form.date,
        day: form.day,
        x: featuresOf(form),
        y: injured ? 1 : 0,
        ruleScore: ruleScoreOf(form),
      });
    }
  }
  return examples;
}
