/**
 * Runs the serving models on an athlete's last training day and stores what is new: the rule model's
 * recommendations and, when a learned `injury-risk` version serves, its advice. Each recommendation keeps
 * the model and version that made it, the hash of its inputs and the rules that fired, and is announced with
 * insights.recommendation.created. Ids derive from (athlete, day, kind, subject, model, version): the same
 * advice on the same day is stored once, however often the day is recomputed.
 */
import { derivedId } from '../derived-id';
import type { FormState } from '../form/form-state';
import type { InsightsRepos } from '../insights.repos';
import { INJURY_MODEL } from '../learning/injury-model';
import { learnedAdvice } from '../learning/learned-advice';
import { recommend, RULE_MODEL } from '../models/rule-model';
import type { Cause } from '../projection/cause';
import { recommendationCreated } from './recommendation.publish';
import type { RecommendationRecord } from './recommendation.repo';
import { recommendationInputs } from './recommendation-inputs';

type AdviceRepos = Pick<InsightsRepos, 'workouts' | 'gearWear' | 'recommendations' | 'models' | 'outbox'>;

interface Advice {
  kind: string;
  rule: string;
  message: string;
  details: Record<string, number | string>;
}

/** How many recommendations were new. */
export async function adviseAthlete(
  repos: AdviceRepos,
  userId: string,
  latest: FormState | null,
  loadSpikeRaised: boolean,
  cause: Cause,
): Promise<number> {
  if (!latest) return 0;
  const inputs = await recommendationInputs(repos, userId, latest, loadSpikeRaised);
  const rules = recommend(inputs);
  const record = (
    advice: Advice,
    model: { name: string; version: number },
    made: { inputsHash: string; rulesFired: string[] },
  ): RecommendationRecord => {
    const subject = String(advice.details.gearId ?? '');
    return {
      id: derivedId(userId, latest.date, advice.kind, subject, model.name, model.version),
      userId,
      date: latest.date,
      kind: advice.kind,
      rule: advice.rule,
      subject,
      message: advice.message,
      details: advice.details,
      modelName: model.name,
      modelVersion: model.version,
      inputsHash: made.inputsHash,
      rulesFired: made.rulesFired,
      status: 'OPEN',
      createdAt: cause.at,
      respondedAt: null,
    };
  };
  const records = rules.recommendations.map((advice) =>
    record(advice, { name: RULE_MODEL.name, version: rules.modelVersion }, rules),
  );
  const learnedModel = await repos.models.serving(INJURY_MODEL.name);
  const learned = learnedAdvice(learnedModel, latest);
  if (learned && learnedModel)
    records.push(record(learned, learnedModel, { ...learned, rulesFired: learned.rules }));

  const stored = await repos.recommendations.insertNew(records);
  await repos.outbox.write(stored.map((r) => recommendationCreated(r, cause.origin)));
  return stored.length;
}
