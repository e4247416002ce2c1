/**
 * The injury model's trainer on a real database: a synthetic cohort whose injury reports follow a known rule,
 * plus athletes who did not consent to model training and whose rows would stand out, trained twice.
 */
import { fixedClock } from '../../../../lib/clock';
import { useFixture } from '../../../../lib/testing/fixture';
import { availableDatabaseKinds, openTestContextDatabase } from '../../../../lib/testing/test-databases';
import { createInsightsPrisma } from '../insights.prisma';
import { auc } from '../models/evaluation';
import { createSeededRandom } from '../models/seeded-random';
import { createModelRegistryRepo } from '../registry/model-registry.repo';
import { writeInjuryCohort, type WrittenCohort } from './injury-cohort.builders';
import type { InjuryEvaluation } from './injury-evaluation';
import { servingInjuryModel } from './injury-model';
import { splitInjuryExamples } from './injury-split';
import { loadInjuryExamples } from './injury-training-rows';
import { trainInjuryModel } from './train-injury-model';

const clock = fixedClock('2026-12-01T06:00:00Z');
/** A low, steady ratio and positive form on every day, and an injury reported on every day. */
const outlierForm = { change: <F>(form: F) => ({ ...form, acwrEwma: 0.6, tsb: 20 }), days: 60 } as const;

describe.each(availableDatabaseKinds())('trainInjuryModel on %s', (kind) => {
  const db = useFixture(() => openTestContextDatabase(kind, 'insights', createInsightsPrisma));
  const train = (seed: number, epsilon?: number) =>
    trainInjuryModel({ db: db().client, clock, random: createSeededRandom(seed), epsilon });
  const versions = async () =>
    (await createModelRegistryRepo(db().client).all()).filter((model) => model.name === 'injury-risk');
  const outliers: string[] = [];
  let cohort: WrittenCohort;

  it('registers nothing with fewer than 20 consenting athletes, however many others there are', async () => {
    await writeInjuryCohort(db().client, { athletes: 10, days: 100, seed: 1, consent: 'modelTraining' });
    for (const [seed, consent] of [
      [2, 'none'],
      [3, 'cohortBenchmarksOnly'],
    ] as const) {
      const options = { athletes: 10, seed, consent, ...outlierForm };
      outliers.push(...(await writeInjuryCohort(db().client, options, 'every day')).userIds);
    }

    expect(await train(1)).toBe(
      'Not enough data to train injury-risk: 10 consenting athletes with enough history, fewer than the 20 ' +
        'training needs. Nothing was registered.',
    );
    expect(await versions()).toEqual([]);
  });

  it('never reads an athlete who did not consent to model training', async () => {
    cohort = await writeInjuryCohort(db().client, {
      athletes: 200,
      days: 100,
      seed: 4,
      consent: 'modelTraining',
    });
    const athletes = new Set((await loadInjuryExamples(db().client)).map((example) => example.athleteId));
    expect(athletes.size).toBe(210);
    expect(outliers.filter((id) => athletes.has(id))).toEqual([]);
  });

  it('registers version 1 with ε = 1, ranking held-back days about as well as the hidden rule itself', async () => {
    const message = await train(1);
    const [v1] = await versions();
    expect(v1).toMatchObject({ name: 'injury-risk', version: 1, kind: 'LOGISTIC', createdAt: clock.now() });
    const evaluation = v1!.evaluation as InjuryEvaluation;
    expect(v1!.privacy).toMatchObject({ epsilon: 1, unit: 'athlete', steps: 60, clipNorm: 1 });
    expect((v1!.privacy as { athletes: number }).athletes + evaluation.athletes).toBe(210);

    // The best any model could do on these days: the hidden probabilities of the cohort's own days.
    const split = splitInjuryExamples(await loadInjuryExamples(db().client));
    if ('problem' in split) throw new Error(split.problem);
    const heldOut = split.heldOut.filter((example) => cohort.userIds.includes(example.athleteId));
    const hidden = heldOut.map((example) =>
      cohort.hiddenProbability.get(`${example.athleteId} ${example.date}`)!,
    );
    const oracle = auc(
      hidden,
      heldOut.map((example) => example.y),
    );
    expect(evaluation.auc).toBeGreaterThan(0.55);
    expect(evaluation.auc).toBeGreaterThan(oracle - 0.05);
    expect(message).toContain('Trained injury-risk v1 on');
  });

  it('serves a version iff its held-back AUC beats the rules’, and only one', async () => {
    const [v1] = await versions();
    const evaluation = v1!.evaluation as InjuryEvaluation;
    expect(v1!.serving).toBe(evaluation.auc > evaluation.ruleAuc);
    expect(v1!.parameters).toMatchObject({ threshold: 0.2 });
    expect(v1!.trainedFrom! < v1!.trainedTo!).toBe(true);
    expect(servingInjuryModel({ ...v1!, serving: true })).not.toBeNull();

    await train(2, 4);
    const registered = await versions();
    expect(registered.map((model) => model.version)).toEqual([2, 1]);
    const v2 = registered[0]!;
    expect(v2.privacy).toMatchObject({ epsilon: 4 });
    expect(v2.serving).toBe(
      (v2.evaluation as InjuryEvaluation).auc > (v2.evaluation as InjuryEvaluation).ruleAuc,
    );
    expect(registered.filter((model) => model.serving).length).toBeLessThanOrEqual(1);
  });
});
