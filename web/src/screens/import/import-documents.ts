/** The GraphQL documents of the import screen. */
import { graphql } from '../../__generated__/gql';

export const ImportScreenJobQuery = graphql(`
  query ImportScreenJob($id: ID!) {
    importJob(id: $id) {
      id
      status
      format
      fileName
      workoutId
      sport
      sportSource
      sportReason
      error
      workout {
        id
        distanceMeters
        movingSeconds
      }
    }
  }
`);

export const ImportScreenRecentQuery = graphql(`
  query ImportScreenRecent {
    myImports(first: 10) {
      id
      status
      format
      fileName
      workoutId
      sport
      error
      createdAt
    }
  }
`);
