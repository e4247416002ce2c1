/** One inbox item: title, sentence, who (for a group), when in the athlete's zone, and its actions. */
import { Link } from 'react-router';
import type { InboxScreenNotificationFragment } from '../../__generated__/graphql';
import { formatDateTime } from '../../format/dates';
import { usePreferences } from '../../settings/preferences';
import { relativeTime } from '../../format/dates';
import { groupText } from './notification-text';

interface Props {
  item: InboxScreenNotificationFragment;
  busy: boolean;
  onRead: () => void;
  /** Null in the archived list. */
  onArchive: (() => void) | null;
}

export function NotificationItem({ item, busy, onRead, onArchive }: Props) {
  const { timeZone } = usePreferences();
  const group = groupText(item);
  const titleId = `notification-${item.id}`;
  // Only paths inside the app are followed: the inbox never sends the athlete elsewhere.
  const path = item.url?.startsWith('/') && !item.url.startsWith('//') ? item.url : null;
  return (
    <li className={item.read ? 'notification' : 'notification unread'} aria-labelledby={titleId}>
      <div className="notification-text">
        <h2 id={titleId}>
          {!item.read && <span className="unread-dot" aria-label="Unread" role="img" />}
          {item.title}
        </h2>
        <p>{item.body}</p>
        {group && <p className="muted">{group}</p>}
        <p className="muted">
          <time dateTime={item.updatedAt} title={formatDateTime(item.updatedAt, timeZone)}>
            {relativeTime(item.updatedAt, timeZone)}
          </time>
          {path && (
            <>
              {' · '}
              <Link to={path} onClick={item.read ? undefined : onRead}>
                Open
                <span className="visually-hidden"> {item.title}</span>
              </Link>
            </>
          )}
        </p>
      </div>
      <div className="actions">
        {!item.read && (
          <button
            type="button"
            className="link"
            disabled={busy}
            onClick={onRead}
            aria-label={`Mark “${item.title}” read`}
          >
            Mark read
          </button>
        )}
        {onArchive && (
          <button
            type="button"
            className="link"
            disabled={busy}
            onClick={onArchive}
            aria-label={`Archive “${item.title}”`}
          >
            Archive
          </button>
        )}
      </div>
    </li>
  );
}
