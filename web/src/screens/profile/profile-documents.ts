/** The profile screen's operations: the account, public profile and training profile, and saving each. */
import { graphql } from '../../__generated__/gql';

export const ProfileScreenQuery = graphql(`
  query ProfileScreenQuery {
    me {
      id
      displayName
      email
      timeZone
      profile {
        handle
        bio
        units
        visibility
        approveFollowers
      }
      trainingProfile {
        maxHeartRate
        restingHeartRate
        weightKg
        birthYear
        sex
      }
    }
  }
`);

export const ProfileScreenUpdateProfile = graphql(`
  mutation ProfileScreenUpdateProfile($input: ProfileInput!) {
    updateProfile(input: $input) {
      handle
      bio
      units
      visibility
      approveFollowers
    }
  }
`);

export const ProfileScreenSetTimeZone = graphql(`
  mutation ProfileScreenSetTimeZone($timeZone: String!) {
    setTimeZone(timeZone: $timeZone) {
      id
      timeZone
    }
  }
`);

export const ProfileScreenUpdateTrainingProfile = graphql(`
  mutation ProfileScreenUpdateTrainingProfile($input: TrainingProfileInput!) {
    updateTrainingProfile(input: $input) {
      maxHeartRate
      restingHeartRate
      weightKg
      birthYear
      sex
    }
  }
`);
