/**
 * Scores trained weights against the rule model on the held-back athletes' days: AUC of both (does the
 * score rank the days followed by an injury report above the others?), the learned probabilities'
 * calibration, and how often the learned model would advise an easy day at its threshold. These figures
 * are computed WITHOUT privacy noise (ε covers the weights only); they are aggregates over the held-back
 * athletes, who consented to model training, and are published with the version in the registry.
 */
import { predict } from '../models/dp-logistic';
import { auc, calibration, type Calibration } from '../models/evaluation';
import type { InjuryExample } from './injury-examples';
import { INJURY_MODEL } from './injury-model';
import { countsOf } from './injury-split';

export interface InjuryEvaluation {
  /** The learned model's AUC on the held-back days. */
  auc: number;
  /** The rule model's (ruleRiskScore) on the same days. */
  ruleAuc: number;
  calibration: Calibration;
  /** Held-back days, those followed by an injury report within 7 days, and athletes. */
  examples: number;
  positives: number;
  athletes: number;
  /** The share of held-back days whose probability is above the threshold (the model would advise). */
  adviceRate: number;
  /** Among those days, the share followed by an injury report (null when there are none). */
  adviceHitRate: number | null;
}

export function evaluateInjuryModel(
  weights: readonly number[],
  heldOut: readonly InjuryExample[],
): InjuryEvaluation {
  const labels = heldOut.map((example) => example.y);
  const probabilities = heldOut.map((example) => predict(weights, example.x));
  const advised = heldOut.filter((_, index) => probabilities[index]! > INJURY_MODEL.threshold);
  return {
    auc: auc(probabilities, labels),
    ruleAuc: auc(
      heldOut.map((example) => example.ruleScore),
      labels,
    ),
    calibration: calibration(probabilities, labels),
    ...countsOf(heldOut),
    adviceRate: heldOut.length > 0 ? advised.length / heldOut.length : 0,
    adviceHitRate: advised.length > 0 ? countsOf(advised).positives / advised.length : null,
  };
}
