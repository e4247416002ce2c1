/**
 * Trains a new version of the injury model `injury-risk` (`npm run insights:train`): the consenting
 * athletes' examples, split by athlete; differentially private logistic regression on the training side
 * (the athlete is the unit of privacy, ε = 1 by default); the learned model and the rule model scored on the
 * held-back side. The version is registered whatever its score, and SERVES only when its held-back AUC is
 * strictly above the rules' (it then replaces the serving version of its name). With too little data
 * nothing is registered. Returns one paragraph saying what happened, for the command to print.
 */
import type { Clock } from '../../../../lib/clock';
import { inTransaction } from '../../../../lib/db/unit-of-work';
import { derivedId } from '../derived-id';
import type { InsightsPrisma } from '../insights.prisma';
import { DP_TRAINING_DEFAULTS, trainDpLogistic, type PrivacyReport } from '../models/dp-logistic';
import { SPLIT_SALT } from '../models/evaluation';
import { INJURY_FEATURE_NAMES } from '../models/injury-features';
import { createSeededRandom, randomSeed, type SeededRandom } from '../models/seeded-random';
import { createModelRegistryRepo, type ModelVersionRecord } from '../registry/model-registry.repo';
import { evaluateInjuryModel, type InjuryEvaluation } from './injury-evaluation';
import type { InjuryExample } from './injury-examples';
import { INJURY_MODEL } from './injury-model';
import { splitInjuryExamples } from './injury-split';
import { loadInjuryExamples } from './injury-training-rows';

export interface TrainInjuryModelDeps {
  db: InsightsPrisma;
  clock: Clock;
  /** The noise source; a fresh cryptographic seed by default. Never recorded: the noise must stay secret. */
  random?: SeededRandom;
  /** The privacy budget per athlete; 1 by default. Must be finite and positive. */
  epsilon?: number;
}

const DEFAULT_EPSILON = 1;

const dayRange = (examples: readonly InjuryExample[]) => {
  const dates = examples.map((example) => example.date).sort();
  return { trainedFrom: dates[0] ?? null, trainedTo: dates[dates.length - 1] ?? null };
};

const shown = (value: number) => value.toFixed(3);

function summary(model: ModelVersionRecord, evaluation: InjuryEvaluation, privacy: PrivacyReport): string {
  const outcome = model.serving
    ? 'It beats the rules and now serves.'
    : 'It does not beat the rules: registered without serving (the serving version, if any, is unchanged).';
  return (
    `Trained ${model.name} v${model.version} on ${privacy.athletes} consenting athletes' days from ` +
    `${model.trainedFrom} to ${model.trainedTo} with differential privacy per athlete ` +
    `(ε = ${privacy.epsilon}, δ = ${privacy.delta.toExponential(2)}, σ = ${privacy.sigma.toFixed(2)}, ` +
    `${privacy.steps} steps). On ${evaluation.athletes} held-back athletes (${evaluation.examples} days, ` +
    `${evaluation.positives} followed by an injury report within ${INJURY_MODEL.horizonDays} days) its AUC ` +
    `is ${shown(evaluation.auc)} against the rules' ${shown(evaluation.ruleAuc)}, and it would advise an ` +
    `easy day on ${(evaluation.adviceRate * 100).toFixed(1)} % of them (threshold ${INJURY_MODEL.threshold}). ` +
    outcome
  );
}

/** Trains, scores and registers a new version of `injury-risk` (see the file comment). */
export async function trainInjuryModel(deps: TrainInjuryModelDeps): Promise<string> {
  const epsilon = deps.epsilon ?? DEFAULT_EPSILON;
  if (!(Number.isFinite(epsilon) && epsilon > 0)) {
    throw new RangeError(`epsilon must be a finite positive number, got ${epsilon}`);
  }
  const examples = await loadInjuryExamples(deps.db);
  const split = splitInjuryExamples(examples);
  if ('problem' in split) {
    return `Not enough data to train ${INJURY_MODEL.name}: ${split.problem}. Nothing was registered.`;
  }

  const random = deps.random ?? createSeededRandom(randomSeed());
  const { weights, privacy } = trainDpLogistic(split.train, { epsilon, random });
  const evaluation = evaluateInjuryModel(weights, split.heldOut);
  const serving = evaluation.auc > evaluation.ruleAuc;

  const model = await inTransaction(
    deps.db,
    createModelRegistryRepo,
  )(async (models) => {
    const version = (await models.latestVersion(INJURY_MODEL.name)) + 1;
    const record: ModelVersionRecord = {
      id: derivedId('model', INJURY_MODEL.name, version),
      name: INJURY_MODEL.name,
      version,
      kind: INJURY_MODEL.kind,
      features: [...INJURY_FEATURE_NAMES],
      parameters: {
        threshold: INJURY_MODEL.threshold,
        horizonDays: INJURY_MODEL.horizonDays,
        minHistoryDays: INJURY_MODEL.minHistoryDays,
        training: { ...DP_TRAINING_DEFAULTS, epsilon, delta: privacy.delta },
        split: { heldOutFraction: INJURY_MODEL.heldOutFraction, salt: SPLIT_SALT },
      },
      ...dayRange(split.train),
      evaluation,
      privacy,
      artefact: { weights },
      serving,
      createdAt: deps.clock.now(),
    };
    await models.register(record);
    return record;
  });
  return summary(model, evaluation, privacy);
}
