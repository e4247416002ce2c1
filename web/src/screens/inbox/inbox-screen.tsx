/** The inbox: notifications most recently active first, live additions, read and archive, by filter. */
import type { ApolloCache, Reference } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import type { NotificationFilter } from '../../__generated__/enums';
import type { InboxScreenNotificationFragment } from '../../__generated__/graphql';
import { SelectField } from '../../ui/field';
import { Page } from '../../ui/page';
import { LoadMore } from '../../ui/load-more';
import { Empty, ErrorMessage, Loading } from '../../ui/states';
import { mergeNewestFirst } from '../../api/merge-newest-first';
import {
  InboxScreenArchiveMutation,
  InboxScreenMarkAllReadMutation,
  InboxScreenMarkReadMutation,
  InboxScreenQuery,
  InboxScreenReceivedSubscription,
} from './inbox-documents';
import { belongsTo } from './notification-text';
import { NotificationItem } from './notification-item';
import './inbox.css';

const PAGE_SIZE = 20;
const FILTERS: { value: NotificationFilter; label: string }[] = [
  { value: 'INBOX', label: 'Everything not archived' },
  { value: 'UNREAD', label: 'Unread' },
  { value: 'ARCHIVED', label: 'Archived' },
];
const EMPTY: Record<NotificationFilter, string> = {
  INBOX:
    'Nothing here yet. Kudos and comments on your workouts, new followers, achievements and worn gear show up here as they happen.',
  UNREAD: 'You have read everything.',
  ARCHIVED: 'Nothing archived.',
};
const updatedAt = (item: { updatedAt: string }) => item.updatedAt;

export function InboxScreen() {
  const [filter, setFilter] = useState<NotificationFilter>('INBOX');
  const { data, error, loading, fetchMore, subscribeToMore } = useQuery(InboxScreenQuery, {
    variables: { filter, first: PAGE_SIZE },
  });
  const { markAllRead, markRead, archive, busy, failure } = useInboxActions(data?.me.id);

  useEffect(
    () =>
      subscribeToMore({
        document: InboxScreenReceivedSubscription,
        updateQuery: (_, { previousData, complete, subscriptionData }) => {
          const item = subscriptionData.data.notificationReceived;
          if (!complete || !previousData.me.notifications || !belongsTo(filter, item)) return;
          const { notifications } = previousData.me;
          const edge = { __typename: 'NotificationEdge' as const, node: item };
          return {
            ...previousData,
            me: {
              ...previousData.me,
              notifications: {
                ...notifications,
                edges: mergeNewestFirst(notifications.edges, [edge], updatedAt),
              },
            },
          };
        },
      }),
    [subscribeToMore, filter],
  );

  const loadMore = (after: string) =>
    fetchMore({
      variables: { after },
      updateQuery: (previous, { fetchMoreResult }) => {
        const before = previous.me.notifications;
        const page = fetchMoreResult.me.notifications;
        if (!before || !page) return previous;
        return {
          ...previous,
          me: {
            ...previous.me,
            notifications: { ...page, edges: mergeNewestFirst(before.edges, page.edges, updatedAt) },
          },
        };
      },
    });

  const notifications = data?.me.notifications;
  const unread = data?.me.unreadNotificationCount ?? 0;
  const items = notifications?.edges.map((edge) => edge.node) ?? [];
  return (
    <Page
      title="Inbox"
      actions={
        <div className="actions inbox-actions">
          <button
            type="button"
            className="secondary"
            disabled={busy || unread === 0}
            onClick={() => void markAllRead(items)}
          >
            Mark all read
          </button>
        </div>
      }
    >
      <SelectField
        label="Show"
        options={FILTERS}
        value={filter}
        onChange={(event) => setFilter(event.target.value as NotificationFilter)}
      />
      {!data && loading && <Loading what="your inbox" />}
      <ErrorMessage error={error} />
      <ErrorMessage error={failure} />
      {notifications && items.length === 0 && <Empty>{EMPTY[filter]}</Empty>}
      {items.length > 0 && (
        <ul className="list inbox-items" aria-label="Notifications, most recently active first">
          {items.map((item: InboxScreenNotificationFragment) => (
            <NotificationItem
              key={item.id}
              item={item}
              busy={busy}
              onRead={() => void markRead(item)}
              onArchive={filter === 'ARCHIVED' ? null : () => void archive(item)}
            />
          ))}
        </ul>
      )}
      <LoadMore pageInfo={notifications?.pageInfo} fetchPage={loadMore} />
    </Page>
  );
}

/** Reading and archiving, with the cache brought in line: the items, the lists and the unread count. */
function useInboxActions(userId: string | undefined) {
  const [markReadMutation, marking] = useMutation(InboxScreenMarkReadMutation);
  const [markAllMutation, markingAll] = useMutation(InboxScreenMarkAllReadMutation);
  const [archiveMutation, archiving] = useMutation(InboxScreenArchiveMutation);
  const me = (cache: ApolloCache) =>
    userId ? cache.identify({ __typename: 'User', id: userId }) : undefined;

  const markAllRead = (items: InboxScreenNotificationFragment[]) =>
    markAllMutation({
      update(cache, { data }) {
        if (data == null) return;
        cache.modify({
          id: me(cache),
          fields: { unreadNotificationCount: () => data.markAllNotificationsRead },
        });
        for (const item of items) cache.modify({ id: cache.identify(item), fields: { read: () => true } });
      },
    }).catch(() => undefined);

  const markRead = (item: InboxScreenNotificationFragment) =>
    markReadMutation({
      variables: { ids: [item.id] },
      update(cache, { data }) {
        if (data == null) return;
        cache.modify({
          id: me(cache),
          fields: { unreadNotificationCount: () => data.markNotificationsRead },
        });
        cache.modify({ id: cache.identify(item), fields: { read: () => true } });
      },
    }).catch(() => undefined);

  const archive = (item: InboxScreenNotificationFragment) =>
    archiveMutation({
      variables: { id: item.id },
      update(cache, { data }) {
        if (!data) return;
        cache.modify({
          id: me(cache),
          fields: {
            // Leaves the inbox and unread lists; the archived list is read afresh when it is chosen.
            notifications: (existing, { readField, storeFieldName }) => {
              if (storeFieldName.includes('ARCHIVED')) return existing;
              const list = existing as { edges: { node: Reference }[] };
              return { ...list, edges: list.edges.filter((edge) => readField('id', edge.node) !== item.id) };
            },
            unreadNotificationCount: (count: number) => (item.read ? count : Math.max(0, count - 1)),
          },
        });
      },
    }).catch(() => undefined);

  return {
    markAllRead,
    markRead,
    archive,
    busy: marking.loading || markingAll.loading || archiving.loading,
    failure: marking.error ?? markingAll.error ?? archiving.error,
  };
}
