/** The number of unread inbox items, kept live: every `notificationReceived` message asks the server again. */
import { useQuery, useSubscription } from '@apollo/client/react';
import { UnreadBadgeQuery, UnreadBadgeReceivedSubscription } from './inbox-documents';
import './inbox.css';

export function UnreadBadge() {
  const { data, refetch } = useQuery(UnreadBadgeQuery);
  // A group that an event joins becomes unread again: only the server knows whether the count changed.
  useSubscription(UnreadBadgeReceivedSubscription, { onData: () => void refetch().catch(() => undefined) });
  const count = data?.me.unreadNotificationCount ?? 0;
  if (count <= 0) return null;
  const label = `${count} unread ${count === 1 ? 'notification' : 'notifications'}`;
  return (
    <span className="unread-badge" role="status" aria-label={label} title={label}>
      {count > 99 ? '99+' : count}
    </span>
  );
}
