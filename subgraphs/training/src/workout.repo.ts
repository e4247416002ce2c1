/** Stores workouts; lists them per athlete newest first, by keyset (startedAt, id). */
import type { Sport } from './sports';
import type { TrainingPrisma } from './training.prisma';

export interface WorkoutRecord {
  id: string;
  userId: string;
  sport: Sport;
  status: 'IN_PROGRESS' | 'FINISHED';
  startedAt: Date;
  finishedAt: Date | null;
  elapsedSeconds: number | null;
  distanceMeters: number | null;
}

/** The position of a workout in an athlete's list: the cursor of a page. */
export interface WorkoutKey {
  startedAt: Date;
  id: string;
}

export type WorkoutRepo = ReturnType<typeof createWorkoutRepo>;

const columns = {
  id: true,
  userId: true,
  sport: true,
  status: true,
  startedAt: true,
  finishedAt: true,
  elapsedSeconds: true,
  distanceMeters: true,
} as const;

export function createWorkoutRepo(prisma: TrainingPrisma) {
  return {
    insert: async (
      workout: Pick<WorkoutRecord, 'id' | 'userId' | 'sport' | 'startedAt'>,
    ): Promise<WorkoutRecord> =>
      (await prisma.workout.create({ data: workout, select: columns })) as WorkoutRecord,

    findById: async (id: string): Promise<WorkoutRecord | null> =>
      (await prisma.workout.findUnique({ where: { id }, select: columns })) as WorkoutRecord | null,

    /** Stores the finish only if the workout is still in progress; null when it was not. */
    finish: async (
      id: string,
      finish: Pick<WorkoutRecord, 'finishedAt' | 'elapsedSeconds' | 'distanceMeters'>,
    ): Promise<WorkoutRecord | null> => {
      const { count } = await prisma.workout.updateMany({
        where: { id, status: 'IN_PROGRESS' },
        data: { ...finish, status: 'FINISHED' },
      });
      return count === 1
        ? ((await prisma.workout.findUnique({ where: { id }, select: columns })) as WorkoutRecord)
        : null;
    },

    /** Up to `limit` workouts of the athlete, newest first, strictly after `after`. */
    listByUser: async (userId: string, limit: number, after: WorkoutKey | null): Promise<WorkoutRecord[]> =>
      (await prisma.workout.findMany({
        where: {
          userId,
          ...(after && {
            OR: [
              { startedAt: { lt: after.startedAt } },
              { startedAt: after.startedAt, id: { lt: after.id } },
            ],
          }),
        },
        orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
        take: limit,
        select: columns,
      })) as WorkoutRecord[],
  };
}
