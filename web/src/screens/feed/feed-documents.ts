/** The GraphQL operations of the Feed screen: the feed and its live items, kudos, comments and follows. */
import { graphql } from '../../__generated__/gql';

export const FeedScreenItemFragment = graphql(`
  fragment FeedScreenItem on FeedItem {
    id
    verb
    occurredAt
    actor {
      id
      displayName
      profile {
        handle
        avatar {
          id
          url(size: SMALL)
        }
      }
    }
    workout {
      id
      title
      sport
      distanceMeters
      movingSeconds
      elapsedSeconds
      kudos {
        count
        givenByMe
      }
      comments(first: 0) {
        totalCount
      }
    }
  }
`);

export const FeedScreenQuery = graphql(`
  query FeedScreenQuery($first: Int!, $after: String) {
    feed(first: $first, after: $after) {
      edges {
        __typename
        node {
          ...FeedScreenItem
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const FeedScreenUpdatedSubscription = graphql(`
  subscription FeedScreenUpdated {
    feedUpdated {
      ...FeedScreenItem
    }
  }
`);

export const FeedScreenGiveKudosMutation = graphql(`
  mutation FeedScreenGiveKudos($workoutId: ID!) {
    giveKudos(workoutId: $workoutId) {
      count
      givenByMe
    }
  }
`);

export const FeedScreenCommentsQuery = graphql(`
  query FeedScreenComments($workoutId: ID!) {
    workout(id: $workoutId) {
      id
      comments(first: 100) {
        totalCount
        edges {
          node {
            id
            html
            createdAt
            editedAt
            author {
              id
              displayName
            }
          }
        }
      }
    }
  }
`);

export const FeedScreenAddCommentMutation = graphql(`
  mutation FeedScreenAddComment($workoutId: ID!, $text: String!) {
    addComment(workoutId: $workoutId, text: $text) {
      id
    }
  }
`);

export const FeedScreenFindAthleteQuery = graphql(`
  query FeedScreenFindAthlete($handle: String!) {
    userByHandle(handle: $handle) {
      id
      displayName
      isFollowedByMe
      myFollowStatus
      profile {
        handle
        bio
        followerCount
        avatar {
          id
          url(size: SMALL)
        }
      }
    }
  }
`);

export const FeedScreenFollowMutation = graphql(`
  mutation FeedScreenFollow($userId: ID!) {
    follow(userId: $userId) {
      status
      user {
        id
        isFollowedByMe
        myFollowStatus
      }
    }
  }
`);

export const FeedScreenUnfollowMutation = graphql(`
  mutation FeedScreenUnfollow($userId: ID!) {
    unfollow(userId: $userId)
  }
`);

export const FeedScreenFollowRequestsQuery = graphql(`
  query FeedScreenFollowRequests {
    me {
      id
      followRequests(first: 100) {
        totalCount
        edges {
          since
          node {
            id
            displayName
            profile {
              handle
            }
          }
        }
      }
    }
  }
`);

export const FeedScreenApproveFollowerMutation = graphql(`
  mutation FeedScreenApproveFollower($userId: ID!) {
    approveFollower(userId: $userId) {
      status
    }
  }
`);

export const FeedScreenRejectFollowerMutation = graphql(`
  mutation FeedScreenRejectFollower($userId: ID!) {
    rejectFollower(userId: $userId)
  }
`);
