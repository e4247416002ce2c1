import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import {
  InsightsScreenConsentMutation,
  InsightsScreenLoadQuery,
  InsightsScreenQuery,
  InsightsScreenRespondMutation,
} from './insights-documents';
import { InsightsScreen } from './insights-screen';

const anyVariables = () => true;
const consent = { __typename: 'InsightsConsent', modelTraining: false, cohortBenchmarks: false };
const noPage = { __typename: 'PageInfo', hasNextPage: false, endCursor: null };

function insights(form: object | null) {
  return {
    request: { query: InsightsScreenQuery, variables: anyVariables },
    result: {
      data: {
        me: {
          __typename: 'User',
          id: 'u1',
          form,
          loadFlags: {
            __typename: 'LoadFlagConnection',
            raisedCount: form ? 1 : 0,
            edges: form
              ? [
                  {
                    __typename: 'LoadFlagEdge',
                    node: {
                      __typename: 'LoadFlag',
                      id: 'f1',
                      raisedOn: '2026-03-02',
                      clearedOn: null,
                      ratio: 3.07,
                      raiseAbove: 1.5,
                      clearBelow: 1.3,
                      explanation: 'Acute:chronic 3.07 is above 1.5',
                    },
                  },
                ]
              : [],
            pageInfo: noPage,
          },
          recommendations: {
            __typename: 'RecommendationConnection',
            edges: form
              ? [
                  {
                    __typename: 'RecommendationEdge',
                    node: {
                      __typename: 'Recommendation',
                      id: 'r1',
                      kind: 'REST_OR_EASY',
                      message: 'Take a rest day or an easy one.',
                      date: '2026-03-02',
                      status: 'OPEN',
                      respondedAt: null,
                    },
                  },
                ]
              : [],
            pageInfo: noPage,
          },
          racePredictions: [],
          insightsConsent: consent,
        },
      },
    },
  };
}

const load = {
  request: { query: InsightsScreenLoadQuery, variables: anyVariables },
  maxUsageCount: 10,
  result: (variables: Record<string, unknown>) => ({
    data: {
      me: {
        __typename: 'User',
        id: 'u1',
        trainingLoad: [
          { __typename: 'DailyLoad', date: variables.from, load: 38.6, workouts: 1 },
          { __typename: 'DailyLoad', date: variables.to, load: 91.2, workouts: 1 },
        ],
      },
    },
  }),
};

const form = {
  __typename: 'Form',
  date: '2026-03-02',
  load: 91.2,
  acuteLoad: 57.3,
  chronicLoad: 18.6,
  acuteChronicRatio: 3.0722,
  fitness: 12.04,
  fatigue: 25.96,
  form: -13.92,
  monotony: null,
  strain: null,
  historyDays: 41,
};

const renderScreen = (mocks: object[]) =>
  render(
    <MockedProvider mocks={mocks as never}>
      <MemoryRouter>
        <InsightsScreen />
      </MemoryRouter>
    </MockedProvider>,
  );

describe('the insights screen', () => {
  it('shows form with meanings, the load chart, spikes, and answers a recommendation', async () => {
    renderScreen([
      insights(form),
      load,
      {
        request: { query: InsightsScreenRespondMutation, variables: { id: 'r1', status: 'ACCEPTED' } },
        result: {
          data: {
            respondToRecommendation: {
              __typename: 'Recommendation',
              id: 'r1',
              status: 'ACCEPTED',
              respondedAt: '2026-03-02T08:00:00Z',
            },
          },
        },
      },
    ]);
    const stats = await screen.findByRole('heading', { level: 2, name: 'Form today' });
    const section = stats.closest('section')!;
    expect(within(section).getByText('Fitness').nextSibling?.textContent).toBe('12.0');
    expect(within(section).getByText('Form').nextSibling?.textContent).toBe('−13.9');
    expect(within(section).getByText(/^Fitness minus fatigue/)).toBeTruthy();
    const chart = await screen.findByRole('img', { name: 'Daily training load' });
    expect(chart.querySelector('path.chart-line')?.getAttribute('d')).toMatch(/^M/);
    expect(
      screen.getByText(/129\.8 AU from your workouts over 2 training days/, { selector: 'p' }),
    ).toBeTruthy();
    expect(chart.querySelector('desc')?.textContent).toMatch(/the most, 91\.2 AU, on/);
    expect(screen.getByText(/your acute:chronic ratio was 3\.07, above 1\.5/)).toBeTruthy();
    expect(screen.getByText('One load spike is raised now.')).toBeTruthy();

    const advice = screen.getByRole('article', { name: 'Rest or take it easy' });
    fireEvent.click(within(advice).getByRole('button', { name: 'Accept' }));
    expect(await within(advice).findByText(/^You accepted this on/)).toBeTruthy();
    expect(within(advice).queryByRole('button')).toBeNull();
  });

  it('asks for workouts before there is any form, and changes consent', async () => {
    renderScreen([
      insights(null),
      {
        request: { query: InsightsScreenConsentMutation, variables: { input: { modelTraining: true } } },
        result: { data: { setInsightsConsent: { ...consent, modelTraining: true } } },
        delay: 300,
      },
    ]);
    expect(await screen.findByText('Record a few workouts to see your load and form.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Training load' })).toBeNull();
    const share = screen.getByLabelText('Share my load and injury reports to train the injury model');
    expect((share as HTMLInputElement).checked).toBe(false);
    fireEvent.click(share);
    // Ticked while the change is still on its way.
    expect(await screen.findByText('Saving…')).toBeTruthy();
    expect((share as HTMLInputElement).checked).toBe(true);
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect((share as HTMLInputElement).checked).toBe(true);
    expect(
      (screen.getByLabelText('Count my weekly distances in cohort benchmarks') as HTMLInputElement).checked,
    ).toBe(false);
  });
});
