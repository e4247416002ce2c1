/**
 * The learned injury model `injury-risk`: what one of its examples is, when it advises an easy day, how much
 * data training needs, and how a registered version's weights and threshold are read back. Shared by the
 * trainer (train-injury-model.ts) and the advice (learned-advice.ts), so both read the same numbers.
 */
import { LOAD_SPIKE_RULE } from '../form/load-spike';
import { INJURY_FEATURE_NAMES } from '../models/injury-features';
import type { ModelVersionRecord } from '../registry/model-registry.repo';

export const INJURY_MODEL = {
  name: 'injury-risk',
  kind: 'LOGISTIC',
  /** An example's label: an injury reported on one of the `horizonDays` days after it. */
  horizonDays: 7,
  /** Days up to this day of the history give no example and no advice (the chronic EWMA is still settling). */
  minHistoryDays: LOAD_SPIKE_RULE.minHistoryDays,
  /**
   * Advises an easy day when the probability is strictly above this. Fixed in advance, not taken from the
   * data (a percentile of the held-back predictions would publish a statistic of those athletes outside the
   * privacy budget): a 1 in 5 chance of a report within a week is several times the usual weekly rate, and a
   * model whose probabilities never reach it simply never advises, which leaves the rules in charge.
   */
  threshold: 0.2,
  /** Training needs at least this many consenting athletes with examples. */
  minAthletes: 20,
  /** The share of athletes held back for evaluation (models/evaluation.ts's splitByAthlete). */
  heldOutFraction: 0.3,
} as const;

/** What learned-advice needs of a registered version. */
export interface LogisticInjuryModel {
  name: string;
  version: number;
  weights: number[];
  threshold: number;
}

const isNumberArray = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'number' && Number.isFinite(item));

const sameFeatures = (features: readonly string[]) =>
  features.length === INJURY_FEATURE_NAMES.length &&
  features.every((name, index) => name === INJURY_FEATURE_NAMES[index]);

/**
 * The weights and threshold of `model` when it is a serving LOGISTIC `injury-risk` version over this code's
 * features; null otherwise (also for a record whose artefact or parameters do not have the expected shape:
 * a version trained on other features needs other code, never a silent misreading).
 */
export function servingInjuryModel(model: ModelVersionRecord | null): LogisticInjuryModel | null {
  if (!model?.serving || model.kind !== 'LOGISTIC' || model.name !== INJURY_MODEL.name) return null;
  if (!sameFeatures(model.features)) return null;
  const weights = (model.artefact as { weights?: unknown } | null)?.weights;
  const threshold = (model.parameters as { threshold?: unknown } | null)?.threshold;
  if (!isNumberArray(weights) || weights.length !== INJURY_FEATURE_NAMES.length) return null;
  if (typeof threshold !== 'number' || !(threshold > 0 && threshold < 1)) return null;
  return { name: model.name, version: model.version, weights, threshold };
}
