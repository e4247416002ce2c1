/**
 * Stores workouts; lists them per athlete newest first, by keyset (startedAt, id). Every change is
 * written with its events (outbox rows) in one transaction, the workout row first.
 */
import type { EventEnvelope } from '../../../lib/events/envelope';
import { outboxRows } from '../../../lib/events/outbox';
import type { Sport } from '../../../lib/sports';
import { Prisma } from './__generated__/prisma/client';
import type { PauseInterval } from './metrics/track';
import type { SportSource } from './sport-info';
import type { WorkoutMetrics } from './metrics/workout-metrics';
import type { TrainingPrisma } from './training.prisma';

export interface WorkoutRecord {
  id: string;
  userId: string;
  sport: Sport;
  /** Who chose the sport (the athlete, an imported file's words, its speed, or nobody). */
  sportSource: SportSource;
  status: WorkoutStatus;
  source: 'RECORDED' | 'MANUAL' | 'IMPORTED';
  title: string | null;
  notes: string | null;
  visibility: Visibility;
  startedAt: Date;
  finishedAt: Date | null;
  pausedAt: Date | null;
  pausedSeconds: number;
  elapsedSeconds: number | null;
  movingSeconds: number | null;
  distanceMeters: number | null;
  elevationGainMeters: number | null;
  calories: number | null;
  gearIds: string[];
  /** Telemetry samples stored (maintained by the telemetry repository). */
  sampleCount: number;
  /** Pauses that ended ([from, to) in ms since the epoch). */
  pauses: PauseInterval[];
  /** Sequence numbers of samples that begin a new track segment. */
  segmentStarts: number[];
  device: string | null;
  deviceCalories: number | null;
  barometricAltitude: boolean;
  /** What the metrics engine computed, or null (no track, or not yet computed). */
  metrics: WorkoutMetrics | null;
  metricsVersion: number | null;
  /** Figures the athlete typed in, which recomputing the metrics keeps. */
  editedFields: string[];
}

/** One best effort of a workout, as stored for personal records. */
export interface BestEffortRow {
  name: string;
  distanceMeters: number;
  seconds: number;
  achievedAt: Date;
}

export type WorkoutStatus = 'IN_PROGRESS' | 'PAUSED' | 'FINISHED';
export type Visibility = 'PUBLIC' | 'FOLLOWERS' | 'PRIVATE';

/** What a new workout is made of; the rest takes the defaults of a recording that just started. */
export type NewWorkout = Pick<WorkoutRecord, 'id' | 'userId' | 'sport' | 'startedAt' | 'gearIds'> &
  Partial<Omit<WorkoutRecord, 'id' | 'userId' | 'sport' | 'startedAt' | 'gearIds'>> & {
    bestEfforts?: BestEffortRow[];
  };

/** The position of a workout in an athlete's list: the cursor of a page. */
export interface WorkoutKey {
  startedAt: Date;
  id: string;
}

export type WorkoutChanges = Partial<Omit<WorkoutRecord, 'id' | 'userId' | 'startedAt' | 'sampleCount'>> & {
  /** Replaces the workout's best efforts (written with the change, in the same transaction). */
  bestEfforts?: BestEffortRow[];
};

export type WorkoutRepo = ReturnType<typeof createWorkoutRepo>;

const columns = {
  id: true,
  userId: true,
  sport: true,
  sportSource: true,
  status: true,
  startedAt: true,
  finishedAt: true,
  elapsedSeconds: true,
  distanceMeters: true,
  gearIds: true,
  source: true,
  title: true,
  notes: true,
  visibility: true,
  pausedAt: true,
  pausedSeconds: true,
  movingSeconds: true,
  elevationGainMeters: true,
  calories: true,
  sampleCount: true,
  pauses: true,
  segmentStarts: true,
  device: true,
  deviceCalories: true,
  barometricAltitude: true,
  metrics: true,
  metricsVersion: true,
  editedFields: true,
} as const;

const asRecord = (row: unknown) => row as WorkoutRecord;

type Tx = Prisma.TransactionClient;

/** Prisma's JSON columns take plain JSON values. */
const json = (value: unknown) => value as Prisma.InputJsonValue;

function columnsOf<T extends Omit<WorkoutChanges, 'bestEfforts'>>(changes: T) {
  const { metrics, pauses, ...plain } = changes;
  return {
    ...plain,
    ...(pauses !== undefined && { pauses: json(pauses) }),
    ...(metrics !== undefined && { metrics: metrics === null ? Prisma.DbNull : json(metrics) }),
  };
}

async function replaceBestEfforts(tx: Tx, workout: WorkoutRecord, rows: BestEffortRow[]) {
  await tx.bestEffort.deleteMany({ where: { workoutId: workout.id } });
  await tx.bestEffort.createMany({
    data: rows.map((row) => ({
      ...row,
      workoutId: workout.id,
      userId: workout.userId,
      sport: workout.sport,
    })),
  });
}

/** Inserts a workout with its best efforts and events inside the caller's transaction. */
export async function insertIn(
  tx: Tx,
  workout: NewWorkout,
  eventsFor: (stored: WorkoutRecord) => EventEnvelope[],
): Promise<WorkoutRecord> {
  const { bestEfforts, ...rest } = workout;
  const row = asRecord(await tx.workout.create({ data: columnsOf(rest), select: columns }));
  if (bestEfforts?.length) await replaceBestEfforts(tx, row, bestEfforts);
  await tx.outboxEvent.createMany({ data: outboxRows(eventsFor(row)) });
  return row;
}

export function createWorkoutRepo(prisma: TrainingPrisma) {
  /** Up to `limit` workouts matching `where`, newest first, strictly after `after` (keyset pagination). */
  const newestFirst = async (
    where: Prisma.WorkoutWhereInput,
    limit: number,
    after: WorkoutKey | null,
  ): Promise<WorkoutRecord[]> =>
    (
      await prisma.workout.findMany({
        where: {
          ...where,
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
    ).map(asRecord);

  return {
    /** Inserts the workout with its events; null (storing nothing) when its id exists already. */
    insert: async (
      workout: NewWorkout,
      eventsFor: (stored: WorkoutRecord) => EventEnvelope[],
    ): Promise<WorkoutRecord | null> => {
      try {
        return await prisma.$transaction(async (tx) => insertIn(tx, workout, eventsFor));
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null;
        throw error;
      }
    },

    findById: async (id: string): Promise<WorkoutRecord | null> =>
      asRecord(await prisma.workout.findUnique({ where: { id }, select: columns })),

    /**
     * Applies `changes` only while the workout is in `expectedStatus` (a concurrent finish or delete makes
     * it return null, storing nothing), then writes the events built from the new state.
     */
    update: (
      id: string,
      expectedStatus: WorkoutStatus | WorkoutStatus[],
      changes: WorkoutChanges,
      eventsFor: (updated: WorkoutRecord) => EventEnvelope[],
    ): Promise<WorkoutRecord | null> =>
      prisma.$transaction(async (tx) => {
        const { bestEfforts, ...rest } = changes;
        const { count } = await tx.workout.updateMany({
          where: { id, status: { in: [expectedStatus].flat() } },
          data: columnsOf(rest),
        });
        if (count !== 1) return null;
        const updated = asRecord(await tx.workout.findUniqueOrThrow({ where: { id }, select: columns }));
        if (bestEfforts) await replaceBestEfforts(tx, updated, bestEfforts);
        // A new sport moves the workout's best efforts to that sport's records.
        else if (rest.sport)
          await tx.bestEffort.updateMany({ where: { workoutId: id }, data: { sport: rest.sport } });
        await tx.outboxEvent.createMany({ data: outboxRows(eventsFor(updated)) });
        return updated;
      }),

    /** Deletes the workout with its events; false when it was already gone. */
    delete: (id: string, events: EventEnvelope[]): Promise<boolean> =>
      prisma.$transaction(async (tx) => {
        const { count } = await tx.workout.deleteMany({ where: { id } });
        if (count !== 1) return false;
        // Its samples go with it (best efforts cascade).
        await tx.telemetrySample.deleteMany({ where: { workoutId: id } });
        await tx.telemetryBatch.deleteMany({ where: { workoutId: id } });
        await tx.outboxEvent.createMany({ data: outboxRows(events) });
        return true;
      }),

    /** Up to `limit` workouts of the athlete, newest first, strictly after `after`. */
    listByUser: (userId: string, limit: number, after: WorkoutKey | null): Promise<WorkoutRecord[]> =>
      newestFirst({ userId }, limit, after),

    /** An athlete's finished PUBLIC workouts, newest first (keyset as listByUser). */
    listPublicByUser: (userId: string, limit: number, after: WorkoutKey | null): Promise<WorkoutRecord[]> =>
      newestFirst({ userId, visibility: 'PUBLIC', status: 'FINISHED' }, limit, after),
  };
}
