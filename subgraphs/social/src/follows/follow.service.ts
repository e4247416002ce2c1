/**
 * Following, approving and blocking. Each change keeps the counts on both profiles, the follower's feed
 * (merged on a new follow, unmerged when it ends) and the outbox in one transaction.
 */
import { BadUserInputError, ForbiddenError, NotFoundError } from '../../../../lib/errors/domain-error';
import { checkedId } from '../../../../lib/graphql/checked-id';
import type { EventEnvelope } from '../../../../lib/events/envelope';
import type { SocialRepos } from '../social.repos';
import { publishingIn, type SocialServiceDeps } from '../social.service-deps';
import { followRemoved, followStarted, userBlocked, userUnblocked } from './follow.publish';
import type { FollowRecord } from './follow.repo';

export type FollowService = ReturnType<typeof createFollowService>;

export function createFollowService(deps: SocialServiceDeps) {
  const { clock, fanOutMaxFollowers } = deps;
  const publishing = publishingIn(deps);

  async function took(repos: SocialRepos, follow: FollowRecord): Promise<void> {
    await repos.profiles.countFollow(follow.followerId, follow.followeeId, 1);
    if ((await repos.profiles.followerCount(follow.followeeId)) <= fanOutMaxFollowers)
      await repos.feed.merge(follow.followerId, follow.followeeId);
  }

  /** Ends a follow or request (whichever side acts) and says so; nothing when there was none. */
  async function ended(
    repos: SocialRepos,
    events: EventEnvelope[],
    followerId: string,
    followeeId: string,
    actorId: string,
  ) {
    const removed = await repos.follows.remove(followerId, followeeId);
    if (!removed) return;
    if (removed.status === 'ACCEPTED') {
      await repos.profiles.countFollow(followerId, followeeId, -1);
      await repos.feed.unmerge(followerId, followeeId);
    }
    events.push(followRemoved(removed, actorId, clock.now()));
  }

  const other = (viewerId: string, userId: string, verb: string) => {
    checkedId('userId', userId, 'an athlete');
    if (userId === viewerId) throw new BadUserInputError('userId', `You cannot ${verb} yourself.`);
    return userId;
  };

  const existing = async (repos: SocialRepos, userId: string) => {
    const profile = await repos.profiles.find(userId);
    if (!profile) throw new NotFoundError('User', userId);
    return profile;
  };

  return {
    /** Accepted at once, or pending when the followee approves followers (or does not show their profile to everyone). */
    follow: (viewerId: string, userId: string): Promise<FollowRecord> =>
      publishing(async (repos, events) => {
        other(viewerId, userId, 'follow');
        const followee = await existing(repos, userId);
        if (await repos.relations.blockedEitherWay(viewerId, userId))
          throw new ForbiddenError('You cannot follow this athlete.');
        const known = await repos.follows.find(viewerId, userId);
        if (known) return known;
        const now = clock.now();
        const needsApproval = followee.approveFollowers || followee.visibility !== 'EVERYONE';
        const follow = await repos.follows.request({
          followerId: viewerId,
          followeeId: userId,
          status: needsApproval ? 'PENDING' : 'ACCEPTED',
          requestedAt: now,
          acceptedAt: needsApproval ? null : now,
        });
        if (!needsApproval) await took(repos, follow);
        events.push(followStarted(follow, viewerId, false));
        return follow;
      }),
    unfollow: (viewerId: string, userId: string): Promise<string> =>
      publishing(async (repos, events) => {
        await ended(repos, events, viewerId, other(viewerId, userId, 'unfollow'), viewerId);
        return userId;
      }),
    approve: (viewerId: string, followerId: string): Promise<FollowRecord> =>
      publishing(async (repos, events) => {
        other(viewerId, followerId, 'approve');
        const request = await repos.follows.find(followerId, viewerId);
        if (request?.status !== 'PENDING') throw new NotFoundError('Follow request of', followerId);
        const follow = await repos.follows.accept(followerId, viewerId, clock.now());
        await took(repos, follow);
        events.push(followStarted(follow, viewerId, true));
        return follow;
      }),
    reject: (viewerId: string, followerId: string): Promise<string> =>
      publishing(async (repos, events) => {
        other(viewerId, followerId, 'reject');
        if ((await repos.follows.find(followerId, viewerId))?.status === 'PENDING')
          await ended(repos, events, followerId, viewerId, viewerId);
        return followerId;
      }),
    removeFollower: (viewerId: string, followerId: string): Promise<string> =>
      publishing(async (repos, events) => {
        await ended(repos, events, other(viewerId, followerId, 'remove'), viewerId, viewerId);
        return followerId;
      }),
    /** Ends the follows both ways, then records the block. */
    block: (viewerId: string, userId: string): Promise<string> =>
      publishing(async (repos, events) => {
        other(viewerId, userId, 'block');
        await existing(repos, userId);
        await ended(repos, events, viewerId, userId, viewerId);
        await ended(repos, events, userId, viewerId, viewerId);
        const now = clock.now();
        if (await repos.blocks.block(viewerId, userId, now)) events.push(userBlocked(viewerId, userId, now));
        return userId;
      }),
    unblock: (viewerId: string, userId: string): Promise<string> =>
      publishing(async (repos, events) => {
        other(viewerId, userId, 'unblock');
        if (await repos.blocks.unblock(viewerId, userId))
          events.push(userUnblocked(viewerId, userId, clock.now()));
        return userId;
      }),
  };
}
