/** The achievements screen's operations: the catalogue with the athlete's progress, challenges, joining and leaving. */
import { graphql } from '../../__generated__/gql';

export const AchievementsScreenQuery = graphql(`
  query AchievementsScreenQuery($includeEnded: Boolean!) {
    me {
      id
      achievements {
        code
        title
        description
        unlocked
        unlockedAt
        progress {
          current
          target
          unit
          label
        }
      }
    }
    challenges(includeEnded: $includeEnded) {
      ...AchievementsScreenChallenge
    }
  }
`);

export const AchievementsScreenChallengeFragment = graphql(`
  fragment AchievementsScreenChallenge on Challenge {
    id
    title
    goal
    target
    sport
    startsAt
    endsAt
    memberCount
    myProgress {
      joinedAt
      current
      target
      completed
      completedAt
    }
  }
`);

export const AchievementsScreenJoinChallenge = graphql(`
  mutation AchievementsScreenJoinChallenge($id: ID!) {
    joinChallenge(id: $id) {
      ...AchievementsScreenChallenge
    }
  }
`);

export const AchievementsScreenLeaveChallenge = graphql(`
  mutation AchievementsScreenLeaveChallenge($id: ID!) {
    leaveChallenge(id: $id) {
      ...AchievementsScreenChallenge
    }
  }
`);
