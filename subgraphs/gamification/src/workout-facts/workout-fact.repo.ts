/** The workout facts read model: one row per finished workout, kept as a tombstone once deleted. */
import type { WorkoutFact } from './workout-fact';
import type { GamificationTx } from '../gamification.prisma';
import { factOfRow, type WorkoutFactRow } from './workout-fact';

export type WorkoutFactRepo = ReturnType<typeof createWorkoutFactRepo>;

export function createWorkoutFactRepo(db: GamificationTx) {
  return {
    /** The row of a workout, deleted or not; locked until the transaction ends. */
    async lock(workoutId: string): Promise<WorkoutFactRow | null> {
      const rows = await db.$queryRaw<WorkoutFactRow[]>`
        SELECT "workoutId", "userId", "sport", "startedAt", "distanceMeters", "movingSeconds",
               "elevationGainMeters", "gearIds", "trackFlags", "visibility", "deletedAt"
        FROM "WorkoutFact" WHERE "workoutId" = ${workoutId}::uuid FOR UPDATE`;
      return rows[0] ?? null;
    },

    /** The row of a workout, deleted or not, without locking it. */
    find(workoutId: string): Promise<WorkoutFactRow | null> {
      return db.workoutFact.findUnique({ where: { workoutId } });
    },

    async save(fact: WorkoutFact): Promise<void> {
      const data = {
        userId: fact.userId,
        sport: fact.sport,
        startedAt: new Date(fact.startedAt),
        distanceMeters: fact.distanceMeters,
        movingSeconds: fact.movingSeconds,
        elevationGainMeters: fact.elevationGainMeters,
        gearIds: fact.gearIds,
        trackFlags: fact.trackFlags,
        visibility: fact.visibility,
      };
      await db.workoutFact.upsert({
        where: { workoutId: fact.workoutId },
        create: { workoutId: fact.workoutId, ...data },
        update: data,
      });
    },

    /** Marks a workout deleted; a workout never seen gets a bare tombstone (its late states count for nothing). */
    async markDeleted(workoutId: string, userId: string, deletedAt: Date): Promise<void> {
      await db.workoutFact.upsert({
        where: { workoutId },
        create: { workoutId, userId, sport: 'OTHER', startedAt: deletedAt, deletedAt },
        update: { deletedAt },
      });
    },

    /** The athlete's current (not deleted) workouts. */
    async factsOf(userId: string): Promise<WorkoutFact[]> {
      const rows = await db.workoutFact.findMany({
        where: { userId, deletedAt: null },
        orderBy: [{ startedAt: 'asc' }, { workoutId: 'asc' }],
      });
      return rows.map(factOfRow);
    },

    /**
     * Up to `limit` rows after the workout id `after` (null: from the first), in workout id order, tombstones
     * included (they name boards a rebuild must clear): a rebuild reads the table a page at a time.
     */
    page(after: string | null, limit: number): Promise<(WorkoutFactRow & { updatedAt: Date })[]> {
      return db.workoutFact.findMany({
        where: after === null ? {} : { workoutId: { gt: after } },
        orderBy: { workoutId: 'asc' },
        take: limit,
      });
    },

    async deleteOfUser(userId: string): Promise<void> {
      await db.workoutFact.deleteMany({ where: { userId } });
    },
  };
}
