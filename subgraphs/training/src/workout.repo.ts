/**
 * Stores workouts; lists them per athlete newest first, by keyset (startedAt, id). Every change is
 * written with its events (outbox rows) in one transaction, the workout row first.
 */
import type { EventEnvelope } from '../../../lib/events/envelope';
import { outboxRows } from '../../../lib/events/outbox';
import type { Sport } from '../../../lib/sports';
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
  gearIds: string[];
}

/** The position of a workout in an athlete's list: the cursor of a page. */
export interface WorkoutKey {
  startedAt: Date;
  id: string;
}

export type WorkoutChanges = Partial<
  Pick<WorkoutRecord, 'finishedAt' | 'elapsedSeconds' | 'distanceMeters' | 'gearIds' | 'status'>
>;

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
  gearIds: true,
} as const;

const asRecord = (row: unknown) => row as WorkoutRecord;

export function createWorkoutRepo(prisma: TrainingPrisma) {
  return {
    insert: (
      workout: Pick<WorkoutRecord, 'id' | 'userId' | 'sport' | 'startedAt' | 'gearIds'>,
      events: EventEnvelope[],
    ) =>
      prisma.$transaction(async (tx) => {
        const row = await tx.workout.create({ data: workout, select: columns });
        await tx.outboxEvent.createMany({ data: outboxRows(events) });
        return asRecord(row);
      }),

    findById: async (id: string): Promise<WorkoutRecord | null> =>
      asRecord(await prisma.workout.findUnique({ where: { id }, select: columns })),

    /**
     * Applies `changes` only while the workout is in `expectedStatus` (a concurrent finish or delete makes
     * it return null, storing nothing), then writes the events built from the new state.
     */
    update: (
      id: string,
      expectedStatus: WorkoutRecord['status'],
      changes: WorkoutChanges,
      eventsFor: (updated: WorkoutRecord) => EventEnvelope[],
    ): Promise<WorkoutRecord | null> =>
      prisma.$transaction(async (tx) => {
        const { count } = await tx.workout.updateMany({
          where: { id, status: expectedStatus },
          data: changes,
        });
        if (count !== 1) return null;
        const updated = asRecord(await tx.workout.findUniqueOrThrow({ where: { id }, select: columns }));
        await tx.outboxEvent.createMany({ data: outboxRows(eventsFor(updated)) });
        return updated;
      }),

    /** Deletes the workout with its events; false when it was already gone. */
    delete: (id: string, events: EventEnvelope[]): Promise<boolean> =>
      prisma.$transaction(async (tx) => {
        const { count } = await tx.workout.deleteMany({ where: { id } });
        if (count !== 1) return false;
        await tx.outboxEvent.createMany({ data: outboxRows(events) });
        return true;
      }),

    /** Up to `limit` workouts of the athlete, newest first, strictly after `after`. */
    listByUser: async (userId: string, limit: number, after: WorkoutKey | null): Promise<WorkoutRecord[]> =>
      (
        await prisma.workout.findMany({
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
        })
      ).map(asRecord),
  };
}
