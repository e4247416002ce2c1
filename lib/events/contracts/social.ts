/**
 * Events of the social context (follows with approval, blocks, kudos, comments, clubs). Names are shown by
 * the consumers from identity's events (display names), so the events carry ids; a workout's name travels
 * with the kudos and comments because the consumer has no other source for it. Training keeps who may see
 * whom from the follow and block events; gamification builds friends' and clubs' boards from them.
 */
import { z } from 'zod';

const follow = z.object({ followerId: z.uuid(), followeeId: z.uuid() });
const onWorkout = z.object({
  workoutId: z.uuid(),
  /** The athlete whose workout it is. */
  workoutOwnerId: z.uuid(),
  /** The workout's name as the feed shows it ("Morning Run"). */
  workoutName: z.string(),
});

export const socialEvents = {
  /** A follow waits for the followee's approval (their profile asks for approval). */
  'social.follow.requested': { version: 1, data: follow.extend({ requestedAt: z.iso.datetime() }) },
  /** A follow took effect: approved, or accepted at once by a profile that does not ask. */
  'social.follow.accepted': {
    version: 1,
    data: follow.extend({ acceptedAt: z.iso.datetime(), approved: z.boolean() }),
  },
  /** A follow or a pending request ended (unfollowed, rejected, follower removed, or a block). */
  'social.follow.removed': { version: 1, data: follow.extend({ removedAt: z.iso.datetime() }) },
  'social.user.blocked': {
    version: 1,
    data: z.object({ blockerId: z.uuid(), blockedId: z.uuid(), blockedAt: z.iso.datetime() }),
  },
  'social.user.unblocked': {
    version: 1,
    data: z.object({ blockerId: z.uuid(), blockedId: z.uuid(), unblockedAt: z.iso.datetime() }),
  },
  /** An athlete gave kudos to a workout (once per athlete and workout). */
  'social.kudos.given': {
    version: 1,
    data: onWorkout.extend({ giverId: z.uuid(), givenAt: z.iso.datetime() }),
  },
  /** A comment on a workout, with the athletes its text mentions (by their handles, resolved to ids). */
  'social.comment.added': {
    version: 1,
    data: onWorkout.extend({
      commentId: z.uuid(),
      authorId: z.uuid(),
      /** The comment's plain text (Markdown source), at most 2 000 characters. */
      text: z.string().max(2000),
      mentionedUserIds: z.array(z.uuid()),
      addedAt: z.iso.datetime(),
    }),
  },
  /** A club's owner or admin invited an athlete. */
  'social.club.invited': {
    version: 1,
    data: z.object({
      clubId: z.uuid(),
      clubName: z.string(),
      inviterId: z.uuid(),
      inviteeId: z.uuid(),
      invitedAt: z.iso.datetime(),
    }),
  },
  /** An athlete became a member of a club (joined a public one, or was approved or invited and accepted). */
  'social.club.joined': {
    version: 1,
    data: z.object({ clubId: z.uuid(), userId: z.uuid(), joinedAt: z.iso.datetime() }),
  },
  /** An athlete stopped being a member: left, was removed, or the club was closed (one event per member). */
  'social.club.left': {
    version: 1,
    data: z.object({ clubId: z.uuid(), userId: z.uuid(), leftAt: z.iso.datetime() }),
  },
} as const;
