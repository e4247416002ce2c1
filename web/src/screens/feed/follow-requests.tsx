/** Athletes asking to follow you, oldest first, to approve or reject; nothing when there are none. */
import { useMutation, useQuery } from '@apollo/client/react';
import { usePreferences } from '../../settings/preferences';
import { ErrorMessage } from '../../ui/states';
import { relativeTime } from '../../format/dates';
import {
  FeedScreenApproveFollowerMutation,
  FeedScreenFollowRequestsQuery,
  FeedScreenRejectFollowerMutation,
} from './feed-documents';

export function FollowRequests() {
  const { timeZone } = usePreferences();
  const { data, error, refetch } = useQuery(FeedScreenFollowRequestsQuery);
  const answered = { onCompleted: () => void refetch().catch(() => undefined) };
  const [approve, approving] = useMutation(FeedScreenApproveFollowerMutation, answered);
  const [reject, rejecting] = useMutation(FeedScreenRejectFollowerMutation, answered);
  const requests = data?.me.followRequests;

  if (error) return <ErrorMessage error={error} />;
  if (!requests || requests.totalCount === 0) return null;
  const busy = approving.loading || rejecting.loading;
  return (
    <section className="card" aria-labelledby="follow-requests-title">
      <h2 id="follow-requests-title">Follow requests ({requests.totalCount})</h2>
      <ul className="list">
        {requests.edges.map(({ node, since }) => (
          <li key={node.id} className="follow-request">
            <p>
              <strong>{node.displayName}</strong>
              {node.profile && <span className="muted"> @{node.profile.handle}</span>}
              <span className="muted">
                {' '}
                · asked <time dateTime={since}>{relativeTime(since, timeZone)}</time>
              </span>
            </p>
            <div className="actions">
              <button
                type="button"
                disabled={busy}
                aria-label={`Approve ${node.displayName}`}
                onClick={() => void approve({ variables: { userId: node.id } }).catch(() => undefined)}
              >
                Approve
              </button>
              <button
                type="button"
                className="secondary"
                disabled={busy}
                aria-label={`Reject ${node.displayName}`}
                onClick={() => void reject({ variables: { userId: node.id } }).catch(() => undefined)}
              >
                Reject
              </button>
            </div>
          </li>
        ))}
      </ul>
      <ErrorMessage error={approving.error ?? rejecting.error} />
    </section>
  );
}
