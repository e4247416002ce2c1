/**
 * Workouts as social knows them from training's events (finished ones only), and the feed activity each
 * one is: who may see it, what the feed and notifications show, and its kudos and comment counts.
 */
import { v5 as uuidv5 } from 'uuid';
import type { Visibility } from '../__generated__/prisma/enums';
import type { SocialTx } from '../social.prisma';

export interface WorkoutRecord {
  id: string;
  userId: string;
  sport: string;
  title: string | null;
  visibility: Visibility;
  startedAt: Date;
  distanceMeters: number | null;
  movingSeconds: number | null;
  kudosCount: number;
  commentCount: number;
}

export type WorkoutFacts = Omit<WorkoutRecord, 'kudosCount' | 'commentCount'>;

/** A workout's activity has an id derived from the workout's: a replayed event finds the same one. */
const ACTIVITY_NAMESPACE = '6f6d2c55-8a52-4c39-9a4e-2b0a3c1f5e10';
export const activityIdOf = (workoutId: string) => uuidv5(`workout:${workoutId}`, ACTIVITY_NAMESPACE);

export type WorkoutRepo = ReturnType<typeof createWorkoutRepo>;

export function createWorkoutRepo(tx: SocialTx) {
  const idsOf = async (userId: string): Promise<string[]> =>
    (await tx.workout.findMany({ where: { userId }, select: { id: true } })).map((w) => w.id);
  return {
    find: (id: string): Promise<WorkoutRecord | null> => tx.workout.findUnique({ where: { id } }),
    findMany: (ids: readonly string[]): Promise<WorkoutRecord[]> =>
      tx.workout.findMany({ where: { id: { in: [...ids] } } }),
    /**
     * Stores the workout's facts and its activity; returns what was stored before (null: new). The
     * activity's time is the workout's start.
     */
    async record(facts: WorkoutFacts): Promise<WorkoutRecord | null> {
      const before = await tx.workout.findUnique({ where: { id: facts.id } });
      await tx.workout.upsert({ where: { id: facts.id }, create: facts, update: facts });
      const activity = { occurredAt: facts.startedAt, visibility: facts.visibility };
      await tx.activity.upsert({
        where: { id: activityIdOf(facts.id) },
        create: {
          id: activityIdOf(facts.id),
          actorId: facts.userId,
          verb: 'WORKOUT',
          workoutId: facts.id,
          ...activity,
        },
        update: activity,
      });
      if (before && before.startedAt.getTime() !== facts.startedAt.getTime())
        await tx.feedEntry.updateMany({
          where: { activityId: activityIdOf(facts.id) },
          data: { occurredAt: facts.startedAt },
        });
      return before;
    },
    /** Forgets the workout, its activity (and so its feed entries), kudos, comments and photos' rows. */
    async remove(id: string): Promise<void> {
      await tx.activity.deleteMany({ where: { workoutId: id } });
      await tx.kudos.deleteMany({ where: { workoutId: id } });
      await tx.comment.deleteMany({ where: { workoutId: id } });
      await tx.media.deleteMany({ where: { workoutId: id } });
      await tx.workout.deleteMany({ where: { id } });
    },
    /** The user leaves: their workouts with their activities, kudos, comments and photos' rows. */
    async removeOfUser(userId: string): Promise<void> {
      await tx.activity.deleteMany({ where: { actorId: userId } });
      const owned = { workoutId: { in: await idsOf(userId) } };
      await tx.kudos.deleteMany({ where: owned });
      await tx.comment.deleteMany({ where: owned });
      await tx.workout.deleteMany({ where: { userId } });
    },
    idsOf,
    count: async (id: string, field: 'kudosCount' | 'commentCount', by: number): Promise<void> =>
      void (await tx.workout.updateMany({ where: { id }, data: { [field]: { increment: by } } })),
  };
}
