/** What the dashboard reads: the athlete's level, XP and streaks, and their workouts back to this week's Monday. */
import { graphql } from '../../__generated__/gql';

export const DashboardScreenQuery = graphql(`
  query DashboardScreenQuery($after: String) {
    me {
      id
      xp
      level {
        level
        totalXp
        xpIntoLevel
        xpForNextLevel
      }
      streak {
        days {
          current
          longest
        }
        weeks {
          current
          longest
        }
      }
    }
    myWorkouts(first: 100, after: $after) {
      edges {
        node {
          id
          sport
          status
          title
          startedAt
          distanceMeters
          movingSeconds
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
