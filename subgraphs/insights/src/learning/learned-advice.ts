/**
 * The advice of a serving learned injury model on one day: an easy day when the model's probability of an
 * injury report within 7 days is above its threshold. Worded as what it is, a statistical signal from
 * athletes' reports and not a diagnosis. Pure and deterministic: the same model and form give the same
 * advice, message and inputs hash.
 */
import { featuresOf } from '../models/injury-features';
import { predict } from '../models/dp-logistic';
import { inputsHash } from '../models/inputs-hash';
import type { ModelVersionRecord } from '../registry/model-registry.repo';
import { INJURY_MODEL, servingInjuryModel } from './injury-model';

export interface LearnedAdviceForm {
  acwrEwma: number | null;
  chronic: number;
  tsb: number;
  monotony: number | null;
  date: string;
  day: number;
}

export interface LearnedAdvice {
  kind: 'REST_OR_EASY';
  rule: 'INJURY_RISK_MODEL';
  rules: ['INJURY_RISK_MODEL'];
  message: string;
  details: { probability: number; threshold: number };
  inputsHash: string;
}

const percent = (probability: number) => `${Math.round(probability * 100)} %`;

/**
 * Null without a serving LOGISTIC `injury-risk` version (or one this code cannot read), up to day 28 of the
 * history, and at or below the model's threshold.
 */
export function learnedAdvice(
  model: ModelVersionRecord | null,
  form: LearnedAdviceForm,
): LearnedAdvice | null {
  const learned = servingInjuryModel(model);
  if (!learned || form.day <= INJURY_MODEL.minHistoryDays) return null;
  const probability = predict(learned.weights, featuresOf(form));
  if (!(probability > learned.threshold)) return null;
  const { acwrEwma, chronic, tsb, monotony, date, day } = form;
  return {
    kind: 'REST_OR_EASY',
    rule: 'INJURY_RISK_MODEL',
    rules: ['INJURY_RISK_MODEL'],
    message:
      `In the data athletes shared, days of training like yours were followed by an injury or pain report ` +
      `within ${INJURY_MODEL.horizonDays} days about ${percent(probability)} of the time. This is a ` +
      `statistical signal from athletes' reports, not a diagnosis: consider an easy day or a rest day today.`,
    details: { probability, threshold: learned.threshold },
    inputsHash: inputsHash({
      model: { name: learned.name, version: learned.version },
      form: { acwrEwma, chronic, tsb, monotony, date, day },
    }),
  };
}
