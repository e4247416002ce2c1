/** What the insights screen reads and changes: form, load, spikes, advice, race predictions and consent. */
import { graphql } from '../../__generated__/gql';

export const InsightsScreenQuery = graphql(`
  query InsightsScreenQuery($today: LocalDate!, $flagsAfter: String, $advicesAfter: String) {
    me {
      id
      form(date: $today) {
        date
        load
        acuteLoad
        chronicLoad
        acuteChronicRatio
        fitness
        fatigue
        form
        monotony
        strain
        historyDays
      }
      loadFlags(first: 20, after: $flagsAfter) {
        raisedCount
        edges {
          node {
            id
            raisedOn
            clearedOn
            ratio
            raiseAbove
            clearBelow
            explanation
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
      recommendations(first: 20, after: $advicesAfter) {
        edges {
          node {
            id
            kind
            message
            date
            status
            respondedAt
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
      racePredictions {
        race
        distanceMeters
        predictedSeconds
        fromEffort
        fromDate
        fromWorkoutId
      }
      insightsConsent {
        modelTraining
        cohortBenchmarks
      }
    }
  }
`);

export const InsightsScreenLoadQuery = graphql(`
  query InsightsScreenLoadQuery($from: LocalDate!, $to: LocalDate!, $sport: Sport) {
    me {
      id
      trainingLoad(from: $from, to: $to, sport: $sport) {
        date
        load
        workouts
      }
    }
  }
`);

export const InsightsScreenRespondMutation = graphql(`
  mutation InsightsScreenRespondMutation($id: ID!, $status: RecommendationStatus!) {
    respondToRecommendation(id: $id, status: $status) {
      id
      status
      respondedAt
    }
  }
`);

export const InsightsScreenConsentMutation = graphql(`
  mutation InsightsScreenConsentMutation($input: InsightsConsentInput!) {
    setInsightsConsent(input: $input) {
      modelTraining
      cohortBenchmarks
    }
  }
`);
