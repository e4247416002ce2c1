/** The GraphQL documents of the workouts list and the workout screen. */
import { graphql } from '../../__generated__/gql';

export const WorkoutsScreenQuery = graphql(`
  query WorkoutsScreen($after: String) {
    myWorkouts(first: 20, after: $after) {
      edges {
        cursor
        node {
          id
          sport
          title
          status
          startedAt
          distanceMeters
          movingSeconds
          elapsedSeconds
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const WorkoutScreenQuery = graphql(`
  query WorkoutScreen($id: ID!, $splitUnit: SplitUnit!) {
    workout(id: $id) {
      id
      sport
      sportSource
      status
      source
      title
      startedAt
      finishedAt
      elapsedSeconds
      movingSeconds
      distanceMeters
      elevationGainMeters
      calories
      sampleCount
      device
      athlete {
        id
      }
      gear {
        id
        name
        kind
      }
      trackFlags {
        code
        count
        firstIndex
        message
      }
      metrics {
        averageSpeedMps
        maxSpeedMps
        elevationLossMeters
        calories
        heartRate {
          average
          max
          maxUsed
          restingUsed
          zones {
            zone
            minBpm
            maxBpm
            seconds
          }
        }
        splits(unit: $splitUnit) {
          index
          distanceMeters
          elapsedSeconds
          movingSeconds
          elevationGainMeters
          averageHeartRate
        }
        bestEfforts {
          name
          distanceMeters
          seconds
          startOffsetSeconds
        }
      }
    }
  }
`);

export const WorkoutScreenStreamsQuery = graphql(`
  query WorkoutScreenStreams($id: ID!) {
    workout(id: $id) {
      id
      streams(channels: [LATITUDE, LONGITUDE, ALTITUDE, HEART_RATE, SPEED], resolution: 500) {
        offsets
        series {
          channel
          values
        }
      }
    }
  }
`);

/** The athlete's own max and resting heart rate: zones use defaults when they are not set. */
export const WorkoutScreenProfileQuery = graphql(`
  query WorkoutScreenProfile {
    me {
      id
      trainingProfile {
        maxHeartRate
        restingHeartRate
      }
    }
  }
`);

/** The imports, for the reason an imported workout got its sport (only an import knows it). */
export const WorkoutScreenImportsQuery = graphql(`
  query WorkoutScreenImports {
    myImports(first: 100) {
      id
      workoutId
      sportSource
      sportReason
    }
  }
`);

export const WorkoutScreenCorrectSport = graphql(`
  mutation WorkoutScreenCorrectSport($id: ID!, $sport: Sport!) {
    updateWorkout(id: $id, sport: $sport) {
      id
      sport
      sportSource
    }
  }
`);

export const WorkoutScreenDelete = graphql(`
  mutation WorkoutScreenDelete($id: ID!) {
    deleteWorkout(id: $id)
  }
`);
