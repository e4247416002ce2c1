/** What the Find athletes box offers for an athlete, from your follow of them (none, pending, accepted). */
import type { FollowStatus } from '../../__generated__/enums';

export interface FollowAction {
  /** Where the follow stands, shown beside the button; null when there is none. */
  status: 'Requested' | 'Following' | 'This is you' | null;
  /** The button's label and what it does; null when there is nothing to do. */
  button: { label: 'Follow' | 'Withdraw request' | 'Unfollow'; does: 'follow' | 'unfollow' } | null;
}

export function followAction(myFollowStatus: FollowStatus | null | undefined, isMe: boolean): FollowAction {
  if (isMe) return { status: 'This is you', button: null };
  if (myFollowStatus === 'PENDING') {
    return { status: 'Requested', button: { label: 'Withdraw request', does: 'unfollow' } };
  }
  if (myFollowStatus === 'ACCEPTED')
    return { status: 'Following', button: { label: 'Unfollow', does: 'unfollow' } };
  return { status: null, button: { label: 'Follow', does: 'follow' } };
}
