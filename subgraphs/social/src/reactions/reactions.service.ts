/**
 * Kudos and comments on workouts the viewer may see. Kudos: one per athlete and workout, never on one's own.
 * Comments: Markdown of 1 to 2 000 characters, `@handle` mentions of athletes who may see the workout; edited
 * by their author, deleted by their author or the workout's owner. Both tell notifications.
 */
import { randomUUID } from 'node:crypto';
import { createEvent } from '../../../../lib/events/envelope';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../../../../lib/errors/domain-error';
import { checkedId } from '../../../../lib/graphql/checked-id';
import { pageArgs, toConnection } from '../../../../lib/graphql/relay';
import { parseTimeKey, timeKeyOf } from '../../../../lib/graphql/time-key';
import { canSeeWorkout } from '../access/audience';
import { visibleWorkout } from '../access/visible-workout';
import { mentionedHandles } from '../profiles/handle';
import type { SocialRepos } from '../social.repos';
import { publishingIn, type SocialServiceDeps } from '../social.service-deps';
import { workoutName } from '../workouts/workout-name';
import type { WorkoutRecord } from '../workouts/workout.repo';
import type { CommentRecord } from './reaction.repo';

/** The most athletes one comment mentions (and notifies). */
export const MAX_MENTIONS = 10;
/** How many of the first athletes who gave kudos a workout shows. */
export const FIRST_GIVERS = 3;

export interface KudosView {
  workoutId: string;
  count: number;
  firstAthleteIds: string[];
  givenByMe: boolean;
}

export type ReactionsService = ReturnType<typeof createReactionsService>;

export function createReactionsService(deps: SocialServiceDeps) {
  const { repos, clock } = deps;
  const publishing = publishingIn(deps);

  const nameOf = async (tx: SocialRepos, workout: WorkoutRecord) =>
    workoutName(workout, (await tx.profiles.find(workout.userId))?.timeZone ?? 'UTC');

  function checkedText(raw: string): string {
    const text = raw.trim();
    if (text.length === 0) throw new BadUserInputError('text', 'text must not be empty.');
    return text;
  }

  /** The athletes the text mentions who may see the workout (the author excluded), at most MAX_MENTIONS. */
  async function mentionsIn(tx: SocialRepos, text: string, workout: WorkoutRecord, authorId: string) {
    const ids = await tx.profiles.idsOfHandles(mentionedHandles(text).slice(0, MAX_MENTIONS));
    const mentioned: string[] = [];
    for (const userId of ids.values()) {
      if (userId === authorId || (await tx.relations.blockedEitherWay(userId, authorId))) continue;
      if (canSeeWorkout(await tx.relations.relationTo(userId, workout.userId), workout.visibility))
        mentioned.push(userId);
    }
    return mentioned;
  }

  /** The comment when the viewer may see its workout: NOT_FOUND otherwise. */
  async function visibleComment(tx: SocialRepos, viewerId: string, id: string) {
    checkedId('id', id, 'a comment');
    const comment = await tx.reactions.findComment(id);
    if (!comment) throw new NotFoundError('Comment', id);
    const workout = await visibleWorkout(tx, viewerId, comment.workoutId).catch(() => {
      throw new NotFoundError('Comment', id);
    });
    if (await tx.relations.blockedEitherWay(viewerId, comment.authorId))
      throw new NotFoundError('Comment', id);
    return { comment, workout };
  }

  return {
    /** Kudos of these workouts as the viewer sees them (the caller checked the workouts are visible). */
    async kudosOf(viewerId: string | null, workouts: readonly WorkoutRecord[]): Promise<KudosView[]> {
      const ids = workouts.map((w) => w.id);
      const [givers, mine] = [
        await repos.reactions.firstGivers(viewerId, ids, FIRST_GIVERS),
        viewerId ? await repos.reactions.givenBy(viewerId, ids) : new Set<string>(),
      ];
      return workouts.map((w) => ({
        workoutId: w.id,
        count: w.kudosCount,
        firstAthleteIds: givers.get(w.id) ?? [],
        givenByMe: mine.has(w.id),
      }));
    },
    giveKudos: (viewerId: string, workoutId: string): Promise<WorkoutRecord> =>
      publishing(async (tx, events) => {
        const workout = await visibleWorkout(tx, viewerId, workoutId);
        if (workout.userId === viewerId)
          throw new ForbiddenError('You cannot give kudos to your own workout.');
        const now = clock.now();
        if (!(await tx.reactions.giveKudos(workout.id, viewerId, now))) return workout;
        await tx.workouts.count(workout.id, 'kudosCount', 1);
        events.push(
          createEvent(
            'social.kudos.given',
            workout.id,
            {
              workoutId: workout.id,
              workoutOwnerId: workout.userId,
              workoutName: await nameOf(tx, workout),
              giverId: viewerId,
              givenAt: now.toISOString(),
            },
            { actorId: viewerId },
          ),
        );
        return (await tx.workouts.find(workout.id))!;
      }),
    addComment: (viewerId: string, workoutId: string, rawText: string): Promise<CommentRecord> =>
      publishing(async (tx, events) => {
        const text = checkedText(rawText);
        const workout = await visibleWorkout(tx, viewerId, workoutId);
        const now = clock.now();
        const comment = await tx.reactions.addComment({
          id: randomUUID(),
          workoutId: workout.id,
          authorId: viewerId,
          text,
          mentionIds: await mentionsIn(tx, text, workout, viewerId),
          createdAt: now,
          editedAt: null,
        });
        await tx.workouts.count(workout.id, 'commentCount', 1);
        events.push(
          createEvent(
            'social.comment.added',
            workout.id,
            {
              workoutId: workout.id,
              workoutOwnerId: workout.userId,
              workoutName: await nameOf(tx, workout),
              commentId: comment.id,
              authorId: viewerId,
              text,
              mentionedUserIds: comment.mentionIds,
              addedAt: now.toISOString(),
            },
            { actorId: viewerId },
          ),
        );
        return comment;
      }),
    editComment: (viewerId: string, id: string, rawText: string): Promise<CommentRecord> =>
      deps.inTransaction(async (tx) => {
        const text = checkedText(rawText);
        const { comment, workout } = await visibleComment(tx, viewerId, id);
        if (comment.authorId !== viewerId) throw new ForbiddenError('Only its author can edit a comment.');
        return tx.reactions.editComment(id, text, await mentionsIn(tx, text, workout, viewerId), clock.now());
      }),
    deleteComment: (viewerId: string, id: string): Promise<string> =>
      deps.inTransaction(async (tx) => {
        const { comment, workout } = await visibleComment(tx, viewerId, id);
        if (comment.authorId !== viewerId && workout.userId !== viewerId)
          throw new ForbiddenError('Only its author or the workout’s owner can delete a comment.');
        await tx.reactions.deleteComment(id);
        await tx.workouts.count(workout.id, 'commentCount', -1);
        return id;
      }),
    /** A page of the comments of a workout the viewer may see (null when they may not). */
    async comments(
      viewerId: string | null,
      workout: WorkoutRecord,
      first?: number | null,
      after?: string | null,
    ) {
      const page = pageArgs(first, after, parseTimeKey);
      const rows = await repos.reactions.comments(viewerId, workout.id, page.limit + 1, page.after);
      return { ...toConnection(rows, page, (c) => timeKeyOf(c.createdAt, c.id)), workout };
    },
  };
}
