/** The GraphQL operations of the inbox and of the unread badge: items, live additions, read and archive. */
import { graphql } from '../../__generated__/gql';

export const InboxScreenNotificationFragment = graphql(`
  fragment InboxScreenNotification on Notification {
    id
    workflow
    category
    title
    body
    url
    count
    actorCount
    actors {
      id
      displayName
    }
    createdAt
    updatedAt
    read
    archivedAt
  }
`);

export const InboxScreenQuery = graphql(`
  query InboxScreenQuery($filter: NotificationFilter!, $first: Int!, $after: String) {
    me {
      id
      unreadNotificationCount
      notifications(filter: $filter, first: $first, after: $after) {
        edges {
          __typename
          node {
            ...InboxScreenNotification
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const InboxScreenReceivedSubscription = graphql(`
  subscription InboxScreenReceived {
    notificationReceived {
      ...InboxScreenNotification
    }
  }
`);

export const InboxScreenMarkReadMutation = graphql(`
  mutation InboxScreenMarkRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids)
  }
`);

export const InboxScreenMarkAllReadMutation = graphql(`
  mutation InboxScreenMarkAllRead {
    markAllNotificationsRead
  }
`);

export const InboxScreenArchiveMutation = graphql(`
  mutation InboxScreenArchive($id: ID!) {
    archiveNotification(id: $id) {
      id
      read
      archivedAt
    }
  }
`);

export const UnreadBadgeQuery = graphql(`
  query UnreadBadgeQuery {
    me {
      id
      unreadNotificationCount
    }
  }
`);

export const UnreadBadgeReceivedSubscription = graphql(`
  subscription UnreadBadgeReceived {
    notificationReceived {
      id
      read
      updatedAt
    }
  }
`);
