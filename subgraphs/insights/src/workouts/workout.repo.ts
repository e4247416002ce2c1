/**
 * Insights' copy of each finished workout (from training's events), with the load it counts for, and the
 * session RPEs athletes gave workouts here. The copies are a projection (a rebuild clears and replays them);
 * the RPEs are the athletes' own data, kept apart so that no rebuild loses them.
 */
import type { LoadMethod } from '../load/workout-load';
import type { InsightsTx } from '../insights.prisma';

export interface EffortRecord {
  name: string;
  distanceMeters: number;
  seconds: number;
}

export interface InsightsWorkout {
  id: string;
  userId: string;
  sport: string;
  startedAt: Date;
  /** startedAt's calendar day in the athlete's time zone. */
  localDate: string;
  movingSeconds: number | null;
  elapsedSeconds: number | null;
  distanceMeters: number | null;
  elevationGainMeters: number | null;
  trimp: number | null;
  sessionRpe: number | null;
  load: number;
  method: LoadMethod;
  bestEfforts: EffortRecord[];
}

export type WorkoutRepo = ReturnType<typeof createWorkoutRepo>;

const asWorkout = (
  row: Omit<InsightsWorkout, 'method' | 'bestEfforts'> & { method: string; bestEfforts: unknown },
) =>
  ({
    ...row,
    method: row.method as LoadMethod,
    bestEfforts: row.bestEfforts as EffortRecord[],
  }) satisfies InsightsWorkout;

export function createWorkoutRepo(db: InsightsTx) {
  return {
    find: async (id: string): Promise<InsightsWorkout | null> => {
      const row = await db.workout.findUnique({ where: { id } });
      return row && asWorkout(row);
    },
    save: async (workout: InsightsWorkout): Promise<void> => {
      const data = { ...workout, bestEfforts: workout.bestEfforts as object[] };
      await db.workout.upsert({ where: { id: workout.id }, create: data, update: data });
    },
    /** Forgets the workout and the session RPE given to it. */
    remove: async (id: string): Promise<void> => {
      await db.workout.deleteMany({ where: { id } });
      await db.workoutEffort.deleteMany({ where: { workoutId: id } });
    },

    /** The athlete's workouts on the days from `from` to `to` (inclusive), oldest first. */
    between: async (userId: string, from: string, to: string): Promise<InsightsWorkout[]> =>
      (
        await db.workout.findMany({
          where: { userId, localDate: { gte: from, lte: to } },
          orderBy: [{ localDate: 'asc' }, { startedAt: 'asc' }],
        })
      ).map(asWorkout),

    onDays: async (userId: string, dates: readonly string[]): Promise<InsightsWorkout[]> =>
      (await db.workout.findMany({ where: { userId, localDate: { in: [...dates] } } })).map(asWorkout),

    all: async (userId: string): Promise<InsightsWorkout[]> =>
      (await db.workout.findMany({ where: { userId }, orderBy: { startedAt: 'asc' } })).map(asWorkout),

    /** The athlete's first and last training day; null without workouts. */
    async span(userId: string): Promise<{ first: string; last: string } | null> {
      const { _min, _max } = await db.workout.aggregate({
        where: { userId },
        _min: { localDate: true },
        _max: { localDate: true },
      });
      return _min.localDate && _max.localDate ? { first: _min.localDate, last: _max.localDate } : null;
    },

    /** The athlete's last training day before `date`, or null. */
    async lastDayBefore(userId: string, date: string): Promise<string | null> {
      const row = await db.workout.findFirst({
        where: { userId, localDate: { lt: date } },
        orderBy: { localDate: 'desc' },
        select: { localDate: true },
      });
      return row?.localDate ?? null;
    },

    ratingOf: async (workoutId: string): Promise<number | null> =>
      (await db.workoutEffort.findUnique({ where: { workoutId } }))?.sessionRpe ?? null,
    rate: async (workoutId: string, userId: string, sessionRpe: number): Promise<void> =>
      void (await db.workoutEffort.upsert({
        where: { workoutId },
        create: { workoutId, userId, sessionRpe },
        update: { sessionRpe },
      })),

    erase: async (userId: string): Promise<void> => {
      await db.workout.deleteMany({ where: { userId } });
      await db.workoutEffort.deleteMany({ where: { userId } });
    },
  };
}
