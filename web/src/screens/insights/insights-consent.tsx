/** What the athlete lets insights do with their data, switched on or off here (both off until they choose). */
import { useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import type { InsightsConsentInput } from '../../__generated__/graphql';
import { ErrorMessage } from '../../ui/states';
import { InsightsScreenConsentMutation } from './insights-documents';

interface Consent {
  modelTraining: boolean;
  cohortBenchmarks: boolean;
}

const CHOICES: { field: keyof Consent; label: string; hint: string }[] = [
  {
    field: 'modelTraining',
    label: 'Share my load and injury reports to train the injury model',
    hint:
      'Your daily load figures and the injuries you report help a model learn which loads come before ' +
      'injuries; it learns from athletes anonymised, with differential privacy.',
  },
  {
    field: 'cohortBenchmarks',
    label: 'Count my weekly distances in cohort benchmarks',
    hint: 'Only cohorts of at least 20 athletes are shown, and with noise, so no one can read your weeks.',
  },
];

export function InsightsConsentForm({ userId, consent }: { userId: string; consent: Consent }) {
  const id = useId();
  const [saved, setSaved] = useState(false);
  const [setConsent, { loading, error }] = useMutation(InsightsScreenConsentMutation, {
    // The consent has no id of its own: the athlete's copy in the cache is replaced by the answer.
    update(cache, { data }) {
      if (!data) return;
      cache.modify({
        id: cache.identify({ __typename: 'User', id: userId }),
        fields: { insightsConsent: () => data.setInsightsConsent },
      });
    },
  });

  async function change(input: InsightsConsentInput) {
    setSaved(false);
    // Optimistic: the box ticks at once, and goes back if the change fails.
    const result = await setConsent({
      variables: { input },
      optimisticResponse: {
        // The cache wants the type's name, which the generated types leave out.
        setInsightsConsent: { __typename: 'InsightsConsent', ...consent, ...input } as Consent,
      },
    }).catch(() => null);
    if (result?.data) setSaved(true);
  }

  return (
    <section aria-labelledby="insights-consent">
      <h2 id="insights-consent">Your data</h2>
      <p className="muted">
        Insights only ever shows your figures to you; these choices say whether they may also, anonymised,
        help other athletes.
      </p>
      <form
        className="card insights-consent"
        aria-labelledby="insights-consent"
        onSubmit={(e) => e.preventDefault()}
      >
        {CHOICES.map((choice) => (
          <div className="insights-check" key={choice.field}>
            <input
              id={`${id}-${choice.field}`}
              type="checkbox"
              checked={consent[choice.field]}
              disabled={loading}
              aria-describedby={`${id}-${choice.field}-hint`}
              onChange={(e) => void change({ [choice.field]: e.target.checked })}
            />
            <label htmlFor={`${id}-${choice.field}`}>{choice.label}</label>
            <small id={`${id}-${choice.field}-hint`} className="hint">
              {choice.hint}
            </small>
          </div>
        ))}
        <p role="status" className="muted">
          {loading ? 'Saving…' : saved ? 'Saved.' : ''}
        </p>
        <ErrorMessage error={error} />
      </form>
    </section>
  );
}
