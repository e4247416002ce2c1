/**
 * The rule models in the registry: the recommendation rules (models/rule-model.ts) and the load-spike
 * rule (form/load-spike.ts), registered at every start (a version that exists is left as it is). Rules
 * serve their name until a learned version beats them.
 */
import type { Clock } from '../../../../lib/clock';
import { derivedId } from '../derived-id';
import { LOAD_SPIKE_RULE } from '../form/load-spike';
import { RULE_MODEL } from '../models/rule-model';
import type { ModelRegistryRepo, ModelVersionRecord } from './model-registry.repo';

const rules = (
  model: Pick<ModelVersionRecord, 'name' | 'version' | 'features' | 'parameters'>,
  at: Date,
) => ({
  ...model,
  id: derivedId('model', model.name, model.version),
  kind: 'RULES' as const,
  trainedFrom: null,
  trainedTo: null,
  evaluation: null,
  privacy: null,
  artefact: null,
  serving: true,
  createdAt: at,
});

export async function registerRuleModels(models: ModelRegistryRepo, clock: Clock): Promise<void> {
  const at = clock.now();
  await models.ensure(
    rules(
      {
        name: RULE_MODEL.name,
        version: RULE_MODEL.version,
        features: [...RULE_MODEL.features],
        parameters: RULE_MODEL.parameters,
      },
      at,
    ),
  );
  const { version, method, ...parameters } = LOAD_SPIKE_RULE;
  await models.ensure(
    rules(
      {
        name: 'load-spike',
        version: Number(version.split('@')[1]),
        features: ['acute', 'chronic', 'day'],
        parameters: { method, ...parameters },
      },
      at,
    ),
  );
}
