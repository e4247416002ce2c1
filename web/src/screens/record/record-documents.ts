/** The Record screen's live figures: the server's view of the workout after each batch, pause and resume. */
import { graphql } from '../../__generated__/gql';

export const RecordScreenProgress = graphql(`
  subscription RecordScreenProgress($workoutId: ID!) {
    workoutProgress(workoutId: $workoutId) {
      workoutId
      status
      sampleCount
      distanceMeters
      elapsedSeconds
      movingSeconds
      averagePaceSecondsPerKm
      heartRate
      elevationGainMeters
      flags
    }
  }
`);
