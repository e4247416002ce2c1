/** The leaderboards screen's operations: a board's first page with the athlete's rank, and its live changes. */
import { graphql } from '../../__generated__/gql';

export const LeaderboardsScreenQuery = graphql(`
  query LeaderboardsScreenQuery($board: BoardInput!) {
    leaderboard(board: $board, first: 50) {
      board
      totalCount
      edges {
        node {
          rank
          score
          athlete {
            id
            displayName
          }
        }
      }
    }
    myRank(board: $board) {
      rank
      score
    }
  }
`);

export const LeaderboardsScreenChanges = graphql(`
  subscription LeaderboardsScreenChanges($board: BoardInput!) {
    leaderboardChanged(board: $board) {
      board
      top {
        rank
        score
        athlete {
          id
          displayName
        }
      }
      moves {
        athlete {
          id
          displayName
        }
        from
        to
        score
      }
    }
  }
`);
