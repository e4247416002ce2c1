/** The events of the follow graph and of blocks; keyed by the athlete who acted on it (follower, blocker). */
import { createEvent, type EventEnvelope } from '../../../../lib/events/envelope';
import type { FollowRecord } from './follow.repo';

const origin = (actorId: string) => ({ actorId });

/** `follow.accepted`, or `follow.requested` while it waits for approval. */
export function followStarted(follow: FollowRecord, actorId: string, approved: boolean): EventEnvelope {
  const pair = { followerId: follow.followerId, followeeId: follow.followeeId };
  return follow.status === 'ACCEPTED'
    ? createEvent(
        'social.follow.accepted',
        follow.followerId,
        { ...pair, acceptedAt: follow.acceptedAt!.toISOString(), approved },
        origin(actorId),
      )
    : createEvent(
        'social.follow.requested',
        follow.followerId,
        { ...pair, requestedAt: follow.requestedAt.toISOString() },
        origin(actorId),
      );
}

export const followRemoved = (follow: FollowRecord, actorId: string, at: Date): EventEnvelope =>
  createEvent(
    'social.follow.removed',
    follow.followerId,
    { followerId: follow.followerId, followeeId: follow.followeeId, removedAt: at.toISOString() },
    origin(actorId),
  );

export const userBlocked = (blockerId: string, blockedId: string, at: Date): EventEnvelope =>
  createEvent(
    'social.user.blocked',
    blockerId,
    { blockerId, blockedId, blockedAt: at.toISOString() },
    origin(blockerId),
  );

export const userUnblocked = (blockerId: string, blockedId: string, at: Date): EventEnvelope =>
  createEvent(
    'social.user.unblocked',
    blockerId,
    { blockerId, blockedId, unblockedAt: at.toISOString() },
    origin(blockerId),
  );
