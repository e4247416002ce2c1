/**
 * The athlete's insights: form today with what each figure means, six weeks of daily load, load spikes,
 * advice to accept or dismiss, race predictions, and what they let insights do with their data.
 */
import { useQuery } from '@apollo/client/react';
import { usePreferences } from '../../settings/preferences';
import { Page } from '../../ui/page';
import { Empty, ErrorMessage, Loading } from '../../ui/states';
import { AdviceList } from './advice-list';
import { FormToday } from './form-today';
import { InsightsConsentForm } from './insights-consent';
import { InsightsScreenQuery } from './insights-documents';
import { LoadFlags } from './load-flags';
import { loadRange } from './load-range';
import { RacePredictions } from './race-predictions';
import { TrainingLoadChart } from './training-load-chart';
import './insights.css';

const NO_CONSENT = { modelTraining: false, cohortBenchmarks: false };

export function InsightsScreen() {
  const { timeZone } = usePreferences();
  const { from, to } = loadRange(timeZone);
  const { data, error, loading, fetchMore } = useQuery(InsightsScreenQuery, { variables: { today: to } });
  const me = data?.me;

  // Each list pages on its own; the other keeps what it already shows.
  const moreFlags = (after: string) =>
    fetchMore({
      variables: { flagsAfter: after },
      updateQuery: (previous, { fetchMoreResult }) => ({
        ...previous,
        me: {
          ...previous.me!,
          loadFlags: fetchMoreResult.me.loadFlags && {
            ...fetchMoreResult.me.loadFlags,
            edges: [...(previous.me?.loadFlags?.edges ?? []), ...fetchMoreResult.me.loadFlags.edges],
          },
        },
      }),
    });
  const moreAdvice = (after: string) =>
    fetchMore({
      variables: { advicesAfter: after },
      updateQuery: (previous, { fetchMoreResult }) => ({
        ...previous,
        me: {
          ...previous.me!,
          recommendations: fetchMoreResult.me.recommendations && {
            ...fetchMoreResult.me.recommendations,
            edges: [
              ...(previous.me?.recommendations?.edges ?? []),
              ...fetchMoreResult.me.recommendations.edges,
            ],
          },
        },
      }),
    });

  return (
    <Page title="Insights">
      {!data && loading && <Loading what="your insights" />}
      <ErrorMessage error={error} />
      {me && (
        <>
          {me.form ? (
            <>
              <FormToday form={me.form} />
              <TrainingLoadChart from={from} to={to} />
              {me.loadFlags && <LoadFlags flags={me.loadFlags} fetchPage={moreFlags} />}
              {me.recommendations && <AdviceList advice={me.recommendations} fetchPage={moreAdvice} />}
              {me.racePredictions && <RacePredictions predictions={me.racePredictions} />}
            </>
          ) : (
            <Empty>Record a few workouts to see your load and form.</Empty>
          )}
          <InsightsConsentForm userId={me.id} consent={me.insightsConsent ?? NO_CONSENT} />
        </>
      )}
    </Page>
  );
}
