/**
 * GraphQL adapters of the social context: parse arguments, call one service method, map the result. Reads
 * of others' data go through the request's loaders, which apply visibility and blocks (social-loaders.ts).
 */
import { requireViewer } from '../../../lib/auth/viewer';
import { BadUserInputError } from '../../../lib/errors/domain-error';
import type { RequestContext } from '../../../lib/graphql/context';
import { checkedId } from '../../../lib/graphql/checked-id';
import { pageArgs, toConnection } from '../../../lib/graphql/relay';
import { parseTimeKey, timeKeyOf } from '../../../lib/graphql/time-key';
import { DateTime } from '../../../lib/graphql/scalars';
import type { Resolvers } from './__generated__/resolvers-types';
import type { ClubService } from './clubs/club.service';
import type { FeedService } from './feed/feed.service';
import type { FollowRecord, ListedUser } from './follows/follow.repo';
import type { FollowService } from './follows/follow.service';
import type { Follow, UserConnection } from './graphql-mappers';
import type { MediaService } from './media/media.service';
import { distanceKm, type createPartnersService } from './partners/partners.service';
import type { ProfileService } from './profiles/profile.service';
import type { ReactionsService } from './reactions/reactions.service';
import { renderComment } from './reactions/comment-markdown';
import type { createSocialLoaders } from './social-loaders';
import type { SocialRepos } from './social.repos';

export interface SocialServices {
  repos: SocialRepos;
  loaders: ReturnType<typeof createSocialLoaders>;
  profiles: ProfileService;
  follows: FollowService;
  feed: FeedService;
  reactions: ReactionsService;
  clubs: ClubService;
  media: MediaService;
  partners: ReturnType<typeof createPartnersService>;
}

const viewerOf = (ctx: RequestContext) => requireViewer(ctx.viewer).userId;
const SIZES = { SMALL: 0, MEDIUM: 1, LARGE: 2 } as const;

/** The follow as the viewer sees it: the other athlete is the followee, or the follower when they act on theirs. */
const followOf = (record: FollowRecord, otherId: string): Follow => ({
  userId: otherId,
  status: record.status,
  requestedAt: record.requestedAt,
});

export function createResolvers(services: SocialServices): Resolvers {
  const { repos, loaders, profiles, follows, feed, reactions, clubs, media, partners } = services;

  /** A page of a follow list, when the viewer may see the profile it belongs to. */
  async function listOf(
    ctx: RequestContext,
    userId: string,
    list: 'followers' | 'following' | 'requests',
    totalOf: (profile: { followerCount: number; followingCount: number }) => Promise<number> | number,
    first?: number | null,
    after?: string | null,
  ): Promise<UserConnection | null> {
    const profile = await loaders(ctx).profile.load(userId);
    if (!profile) return null;
    const page = pageArgs(first, after, parseTimeKey);
    const rows = await repos.follows[list](userId, page.limit, page.after);
    const visible = await loaders(ctx).relation.loadMany(rows.map((r) => r.userId));
    const shown = rows.filter((_row, i) => {
      const relation = visible[i];
      return relation && !(relation instanceof Error) && !relation.blocked;
    });
    return {
      ...toConnection(shown, page, (row: ListedUser) => timeKeyOf(row.since, row.userId)),
      totalCount: await totalOf(profile),
    };
  }

  const workoutResolvers: Resolvers['Workout'] = {
    __resolveReference: (ref) => ({ id: ref.id }),
    kudos: (w, _args, ctx) => loaders(ctx).kudos.load(w.id),
    comments: async (w, args, ctx) => {
      const workout = await loaders(ctx).workout.load(w.id);
      return workout ? reactions.comments(ctx.viewer?.userId ?? null, workout, args.first, args.after) : null;
    },
    photos: async (w, _args, ctx) =>
      (await loaders(ctx).workout.load(w.id)) ? loaders(ctx).photos.load(w.id) : [],
  };

  return {
    DateTime,
    Query: {
      userByHandle: async (_root, { handle }, ctx) => {
        const profile = await profiles.byHandle(ctx.viewer?.userId ?? null, handle);
        return profile ? { id: profile.userId } : null;
      },
      feed: (_root, args, ctx) => feed.page(viewerOf(ctx), args.first, args.after),
      club: async (_root, { id }, ctx) => {
        viewerOf(ctx);
        return repos.clubs.find(checkedId('id', id, 'a club'));
      },
      clubs: (_root, args, ctx) => {
        viewerOf(ctx);
        const limit = args.first ?? 20;
        if (!Number.isInteger(limit) || limit < 0 || limit > 100)
          throw new BadUserInputError('first', 'first must be an integer from 0 to 100.');
        return repos.clubs.publicClubs(args.sport ?? null, limit);
      },
      partners: (_root, args, ctx) => partners.search(viewerOf(ctx), args.search, args.first, args.after),
    },
    Subscription: {
      feedUpdated: {
        subscribe: (_root, _args, ctx) => feed.subscribe(viewerOf(ctx)) as AsyncIterable<never>,
        resolve: (item: unknown) => item as never,
      },
    },
    Mutation: {
      updateProfile: (_root, { input }, ctx) => profiles.update(viewerOf(ctx), input),
      follow: async (_root, { userId }, ctx) => followOf(await follows.follow(viewerOf(ctx), userId), userId),
      unfollow: (_root, { userId }, ctx) => follows.unfollow(viewerOf(ctx), userId),
      approveFollower: async (_root, { userId }, ctx) =>
        followOf(await follows.approve(viewerOf(ctx), userId), userId),
      rejectFollower: (_root, { userId }, ctx) => follows.reject(viewerOf(ctx), userId),
      removeFollower: (_root, { userId }, ctx) => follows.removeFollower(viewerOf(ctx), userId),
      block: (_root, { userId }, ctx) => follows.block(viewerOf(ctx), userId),
      unblock: (_root, { userId }, ctx) => follows.unblock(viewerOf(ctx), userId),
      giveKudos: async (_root, { workoutId }, ctx) => {
        const workout = await reactions.giveKudos(viewerOf(ctx), workoutId);
        return (await reactions.kudosOf(ctx.viewer!.userId, [workout]))[0]!;
      },
      addComment: (_root, { workoutId, text }, ctx) => reactions.addComment(viewerOf(ctx), workoutId, text),
      editComment: (_root, { id, text }, ctx) => reactions.editComment(viewerOf(ctx), id, text),
      deleteComment: (_root, { id }, ctx) => reactions.deleteComment(viewerOf(ctx), id),
      createClub: (_root, { input }, ctx) => clubs.create(viewerOf(ctx), input),
      joinClub: (_root, { clubId }, ctx) => clubs.join(viewerOf(ctx), clubId),
      leaveClub: (_root, { clubId }, ctx) => clubs.leave(viewerOf(ctx), clubId),
      inviteToClub: (_root, { clubId, userId }, ctx) => clubs.invite(viewerOf(ctx), clubId, userId),
      approveClubMember: (_root, { clubId, userId }, ctx) => clubs.approve(viewerOf(ctx), clubId, userId),
      removeClubMember: (_root, { clubId, userId }, ctx) => clubs.remove(viewerOf(ctx), clubId, userId),
      setClubRole: (_root, { clubId, userId, role }, ctx) =>
        clubs.setRole(viewerOf(ctx), clubId, userId, role),
      requestAvatarUpload: (_root, { contentType }, ctx) => media.requestAvatar(viewerOf(ctx), contentType),
      requestWorkoutPhotoUpload: (_root, { workoutId, contentType }, ctx) =>
        media.requestPhoto(viewerOf(ctx), workoutId, contentType),
      confirmImageUpload: (_root, { id }, ctx) => media.confirm(viewerOf(ctx), id),
      deleteImage: (_root, { id }, ctx) => media.remove(viewerOf(ctx), id),
    },
    User: {
      __resolveReference: (ref) => ({ id: ref.id }),
      profile: (user, _args, ctx) => loaders(ctx).profile.load(user.id),
      isFollowedByMe: async (user, _args, ctx) =>
        ctx.viewer ? (await loaders(ctx).relation.load(user.id)).follow === 'ACCEPTED' : null,
      myFollowStatus: async (user, _args, ctx) =>
        ctx.viewer ? (await loaders(ctx).relation.load(user.id)).follow : null,
      followers: (user, args, ctx) =>
        listOf(ctx, user.id, 'followers', (p) => p.followerCount, args.first, args.after),
      following: (user, args, ctx) =>
        listOf(ctx, user.id, 'following', (p) => p.followingCount, args.first, args.after),
      followRequests: (user, args, ctx) =>
        ctx.viewer?.userId === user.id
          ? listOf(
              ctx,
              user.id,
              'requests',
              () => repos.follows.requestCount(user.id),
              args.first,
              args.after,
            )
          : null,
      blockedUsers: async (user, _args, ctx) =>
        ctx.viewer?.userId === user.id ? (await repos.blocks.blockedBy(user.id)).map((id) => ({ id })) : null,
      clubMemberships: (user, _args, ctx) =>
        ctx.viewer?.userId === user.id ? repos.clubs.memberships(user.id) : null,
    },
    Profile: {
      sports: (profile) => profile.sports.map(({ sport, level }) => ({ sport: sport as never, level })),
      hasHomeLocation: (profile) => profile.homeLatitude !== null,
      partnerSearch: (profile, _args, ctx) =>
        ctx.viewer?.userId === profile.userId ? profile.partnerSearch : null,
      avatar: (profile, _args, ctx) => (profile.avatarId ? loaders(ctx).media.load(profile.avatarId) : null),
    },
    Image: {
      url: (image, { size }) => media.url(image, SIZES[size ?? 'MEDIUM']),
      width: (image, { size }) => Number(image.sizes[SIZES[size ?? 'MEDIUM']]!.split(':')[1]),
      height: (image, { size }) => Number(image.sizes[SIZES[size ?? 'MEDIUM']]!.split(':')[2]),
    },
    Follow: { user: (follow) => ({ id: follow.userId }) },
    UserEdge: {
      node: (edge) => ({ id: edge.node.userId }),
      since: (edge) => edge.node.since,
    },
    FeedItem: {
      id: (item) => item.activityId,
      actor: (item) => ({ id: item.actorId }),
      workout: (item) => (item.workoutId ? { id: item.workoutId } : null),
    },
    WorkoutKudos: {
      firstAthletes: (kudos) => kudos.firstAthleteIds.map((id) => ({ id })),
    },
    Workout: workoutResolvers,
    Comment: {
      author: (comment) => ({ id: comment.authorId }),
      mentions: (comment) => comment.mentionIds.map((id) => ({ id })),
      html: async (comment, _args, ctx) => {
        const mentioned = await loaders(ctx).profile.loadMany(comment.mentionIds);
        const handles = new Set(mentioned.flatMap((p) => (p && !(p instanceof Error) ? [p.handle] : [])));
        return renderComment(comment.text, handles);
      },
    },
    CommentConnection: { totalCount: (connection) => connection.workout.commentCount },
    Club: {
      sport: (club) => club.sport as never,
      myMembership: (club, _args, ctx) =>
        ctx.viewer ? repos.clubs.membership(club.id, ctx.viewer.userId) : null,
      members: async (club, args, ctx) => {
        if (!(await readsClub(club, ctx))) return null;
        const page = pageArgs(args.first, args.after, parseTimeKey);
        const rows = await repos.clubs.members(club.id, page.limit + 1, page.after);
        return {
          ...toConnection(
            rows.map((m) => ({ userId: m.userId, since: m.since })),
            page,
            (row) => timeKeyOf(row.since, row.userId),
          ),
          totalCount: club.memberCount,
        };
      },
      pendingMembers: async (club, _args, ctx) => {
        const mine = ctx.viewer ? await repos.clubs.membership(club.id, ctx.viewer.userId) : null;
        return mine?.status === 'MEMBER' && mine.role !== 'MEMBER' ? repos.clubs.pending(club.id) : null;
      },
      feed: async (club, args, ctx) =>
        (await readsClub(club, ctx)) ? feed.clubPage(viewerOf(ctx), club.id, args.first, args.after) : null,
    },
    ClubMembership: {
      club: async (m) => (await repos.clubs.find(m.clubId))!,
      user: (m) => ({ id: m.userId }),
    },
    Partner: {
      user: (match) => ({ id: match.userId }),
      distanceKm: (match) => distanceKm(match),
    },
  };

  async function readsClub(club: { id: string; private: boolean }, ctx: RequestContext): Promise<boolean> {
    if (!club.private) return true;
    const mine = ctx.viewer ? await repos.clubs.membership(club.id, ctx.viewer.userId) : null;
    return mine?.status === 'MEMBER';
  }
}
