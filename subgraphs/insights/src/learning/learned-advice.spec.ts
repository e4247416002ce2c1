import { INJURY_FEATURE_NAMES } from '../models/injury-features';
import type { ModelVersionRecord } from '../registry/model-registry.repo';
import { learnedAdvice, type LearnedAdviceForm } from './learned-advice';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** A serving version whose logit is 4·acwr − 3 (acwr scaled to [−1, 1] over 0.5…2). */
const aModel = (change: Partial<ModelVersionRecord> = {}): ModelVersionRecord => ({
  id: '00000000-0000-4000-8000-000000000001',
  name: 'injury-risk',
  version: 3,
  kind: 'LOGISTIC',
  features: [...INJURY_FEATURE_NAMES],
  parameters: { threshold: 0.2 },
  trainedFrom: '2026-01-01',
  trainedTo: '2026-06-30',
  evaluation: null,
  privacy: null,
  artefact: { weights: [4, 0, 0, 0, -3] },
  serving: true,
  createdAt: new Date('2026-07-01T00:00:00Z'),
  ...change,
});

/** A spike: acwr 2 scales to 1, so the logit is 1 and the probability about 0.73. */
const aSpike = (change: Partial<LearnedAdviceForm> = {}): LearnedAdviceForm => ({
  acwrEwma: 2,
  chronic: 60,
  tsb: -10,
  monotony: 1.4,
  date: '2026-07-10',
  day: 120,
  ...change,
});

describe('learnedAdvice', () => {
  it('advises an easy day above the threshold, with the probability and the threshold', () => {
    const advice = learnedAdvice(aModel(), aSpike());
    expect(advice).toMatchObject({
      kind: 'REST_OR_EASY',
      rule: 'INJURY_RISK_MODEL',
      rules: ['INJURY_RISK_MODEL'],
      details: { threshold: 0.2 },
    });
    expect(advice!.details.probability).toBeCloseTo(sigmoid(1), 12);
    expect(advice!.inputsHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('says it is a statistical signal from athletes’ reports, not a diagnosis, and suggests an easy day', () => {
    const { message } = learnedAdvice(aModel(), aSpike())!;
    expect(message).toContain('statistical signal');
    expect(message).toContain("athletes' reports");
    expect(message).toContain('not a diagnosis');
    expect(message).toContain('easy day');
    expect(message).toContain('73 %');
  });

  it('gives nothing at or below the threshold', () => {
    expect(learnedAdvice(aModel(), aSpike({ acwrEwma: 1 }))).toBeNull();
    expect(learnedAdvice(aModel({ parameters: { threshold: 0.75 } }), aSpike())).toBeNull();
  });

  it('gives nothing up to day 28 of the history, and advises from day 29', () => {
    expect(learnedAdvice(aModel(), aSpike({ day: 28 }))).toBeNull();
    expect(learnedAdvice(aModel(), aSpike({ day: 29 }))).not.toBeNull();
  });

  it('gives nothing without a serving LOGISTIC injury-risk version', () => {
    expect(learnedAdvice(null, aSpike())).toBeNull();
    expect(learnedAdvice(aModel({ serving: false }), aSpike())).toBeNull();
    expect(learnedAdvice(aModel({ kind: 'RULES' }), aSpike())).toBeNull();
    expect(learnedAdvice(aModel({ name: 'recommendations' }), aSpike())).toBeNull();
  });

  it('gives nothing for a version it cannot read: other features, malformed weights or threshold', () => {
    expect(learnedAdvice(aModel({ features: ['acwrEwma', 'bias'] }), aSpike())).toBeNull();
    expect(learnedAdvice(aModel({ artefact: { weights: [4, 0, 0, -3] } }), aSpike())).toBeNull();
    expect(learnedAdvice(aModel({ artefact: { weights: [4, 0, 0, 0, 'x'] } }), aSpike())).toBeNull();
    expect(learnedAdvice(aModel({ artefact: null }), aSpike())).toBeNull();
    expect(learnedAdvice(aModel({ parameters: { threshold: 1.5 } }), aSpike())).toBeNull();
    expect(learnedAdvice(aModel({ parameters: {} }), aSpike())).toBeNull();
  });

  it('is deterministic: the same model and form give the same advice; another day or version another hash', () => {
    const advice = learnedAdvice(aModel(), aSpike());
    expect(learnedAdvice(aModel(), aSpike())).toEqual(advice);
    expect(learnedAdvice(aModel(), aSpike({ date: '2026-07-11' }))!.inputsHash).not.toBe(advice!.inputsHash);
    expect(learnedAdvice(aModel({ version: 4 }), aSpike())!.inputsHash).not.toBe(advice!.inputsHash);
  });
});
