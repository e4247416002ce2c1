/**
 * Stores workouts; lists them per athlete newest first, by keyset (startedAt, id). A write of several rows
 * (a workout with its best efforts, a delete with its samples) runs inside the caller's unit of work
 * (training.repos.ts), where the service also writes the events.
 */
import type { Sport } from '../../../../lib/sports';
import { Prisma } from '../__generated__/prisma/client';
import type { PauseInterval } from '../metrics/track';
import type { SportSource } from './sport-info';
import type { WorkoutMetrics } from '../metrics/workout-metrics';
import type { TrainingDb } from '../training.prisma';

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
  /** Telemetry samples stored (maintained by the samples repository). */
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

async function replaceBestEfforts(tx: TrainingDb, workout: WorkoutRecord, rows: BestEffortRow[]) {
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

export function createWorkoutRepo(prisma: TrainingDb) {
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
    /** Inserts the workout with its best efforts; null (storing nothing) when its id or activity exists already. */
    insert: async (workout: NewWorkout): Promise<WorkoutRecord | null> => {
      const { bestEfforts, ...rest } = workout;
      // ON CONFLICT DO NOTHING: a duplicate is an outcome, and leaves the caller's transaction usable.
      const [created] = await prisma.workout.createManyAndReturn({
        data: [columnsOf(rest)],
        select: columns,
        skipDuplicates: true,
      });
      if (!created) return null;
      const row = asRecord(created);
      if (bestEfforts?.length) await replaceBestEfforts(prisma, row, bestEfforts);
      return row;
    },

    findById: async (id: string): Promise<WorkoutRecord | null> =>
      asRecord(await prisma.workout.findUnique({ where: { id }, select: columns })),

    /**
     * Applies `changes` only while the workout is in `expectedStatus` (a concurrent finish or delete makes
     * it return null, storing nothing).
     */
    update: async (
      id: string,
      expectedStatus: WorkoutStatus | WorkoutStatus[],
      changes: WorkoutChanges,
    ): Promise<WorkoutRecord | null> => {
      const { bestEfforts, ...rest } = changes;
      const { count } = await prisma.workout.updateMany({
        where: { id, status: { in: [expectedStatus].flat() } },
        data: columnsOf(rest),
      });
      if (count !== 1) return null;
      const updated = asRecord(await prisma.workout.findUniqueOrThrow({ where: { id }, select: columns }));
      if (bestEfforts) await replaceBestEfforts(prisma, updated, bestEfforts);
      // A new sport moves the workout's best efforts to that sport's records.
      else if (rest.sport)
        await prisma.bestEffort.updateMany({ where: { workoutId: id }, data: { sport: rest.sport } });
      return updated;
    },

    /** Deletes the workout with its samples (best efforts cascade); false when it was already gone. */
    delete: async (id: string): Promise<boolean> => {
      const { count } = await prisma.workout.deleteMany({ where: { id } });
      if (count !== 1) return false;
      await prisma.telemetrySample.deleteMany({ where: { workoutId: id } });
      await prisma.telemetryBatch.deleteMany({ where: { workoutId: id } });
      return true;
    },

    /** The athlete's workout recorded by `device` at `startedAt` (an activity imported already), or null. */
    idOfActivity: async (userId: string, device: string, startedAt: Date): Promise<string | null> =>
      (await prisma.workout.findFirst({ where: { userId, device, startedAt }, select: { id: true } }))?.id ??
      null,

    /**
     * Up to `limit` ids of finished workouts with a track, in id order after `after`: those computed with
     * another metrics version than `version` (or never), or all of them.
     */
    idsToRecompute: async (version: number | 'all', limit: number, after: string | null): Promise<string[]> =>
      (
        await prisma.workout.findMany({
          where: {
            status: 'FINISHED',
            sampleCount: { gt: 0 },
            ...(version !== 'all' && {
              OR: [{ metricsVersion: null }, { metricsVersion: { not: version } }],
            }),
            ...(after && { id: { gt: after } }),
          },
          orderBy: { id: 'asc' },
          take: limit,
          select: { id: true },
        })
      ).map((row) => row.id),

    /** Up to `limit` workouts of the athlete, newest first, strictly after `after`. */
    listByUser: (userId: string, limit: number, after: WorkoutKey | null): Promise<WorkoutRecord[]> =>
      newestFirst({ userId }, limit, after),

    /** An athlete's finished workouts of the given visibilities, newest first (keyset as listByUser). */
    listFinishedByUser: (
      userId: string,
      visibilities: readonly Visibility[],
      limit: number,
      after: WorkoutKey | null,
    ): Promise<WorkoutRecord[]> =>
      newestFirst({ userId, visibility: { in: [...visibilities] }, status: 'FINISHED' }, limit, after),

    /** An athlete's finished PUBLIC workouts, newest first (keyset as listByUser). */
    listPublicByUser: (userId: string, limit: number, after: WorkoutKey | null): Promise<WorkoutRecord[]> =>
      newestFirst({ userId, visibility: 'PUBLIC', status: 'FINISHED' }, limit, after),
  };
}
