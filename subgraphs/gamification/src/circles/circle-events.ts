/**
 * social's follow, block and club events, as gamification records them for friends and club boards. A
 * follow request grants nothing (only `social.follow.accepted` puts the followee on the follower's friends
 * board); the boards themselves need no write: they read the scores of the period boards at request time.
 */
import type { EventEnvelope } from '../../../../lib/events/envelope';
import type { CircleRepo } from './circle.repo';

type CircleEvent =
  | 'social.follow.accepted'
  | 'social.follow.removed'
  | 'social.user.blocked'
  | 'social.user.unblocked'
  | 'social.club.joined'
  | 'social.club.left';

type Writes = Pick<CircleRepo, 'setFollow' | 'setBlock' | 'setClubMember'>;

/** Applies one of social's circle events to the repository (run it in the event's unit of work). */
export const applyCircleEvent: {
  [T in CircleEvent]: (circles: Writes, event: EventEnvelope<T>) => Promise<void>;
} = {
  'social.follow.accepted': (circles, { data }) =>
    circles.setFollow(data.followerId, data.followeeId, true, new Date(data.acceptedAt)),
  'social.follow.removed': (circles, { data }) =>
    circles.setFollow(data.followerId, data.followeeId, false, new Date(data.removedAt)),
  'social.user.blocked': (circles, { data }) =>
    circles.setBlock(data.blockerId, data.blockedId, true, new Date(data.blockedAt)),
  'social.user.unblocked': (circles, { data }) =>
    circles.setBlock(data.blockerId, data.blockedId, false, new Date(data.unblockedAt)),
  'social.club.joined': (circles, { data }) =>
    circles.setClubMember(data.clubId, data.userId, true, new Date(data.joinedAt)),
  'social.club.left': (circles, { data }) =>
    circles.setClubMember(data.clubId, data.userId, false, new Date(data.leftAt)),
};

export const CIRCLE_EVENTS = Object.keys(applyCircleEvent) as CircleEvent[];
export type { CircleEvent };
