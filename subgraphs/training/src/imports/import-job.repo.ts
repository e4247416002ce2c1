/**
 * Uploaded activities waiting to become workouts. A pending job holds the parsed activity and a key
 * (athlete, device, start) that makes a second upload of the same activity conflict while it waits.
 * A worker prepares the oldest job's workout, then stores it under the job's row lock (`lockPending`: FOR
 * UPDATE SKIP LOCKED) in the unit of work that marks the job DONE: a job becomes a workout exactly once.
 * A job is marked FAILED under the same lock, so each job is settled (and announced) once.
 */
import type { Sport } from '../../../../lib/sports';
import type { ImportedActivity } from '../files/activity';
import type { SportSource } from '../workouts/sport-info';
import { Prisma } from '../__generated__/prisma/client';
import type { TrainingDb } from '../training.prisma';

export type ImportStatus = 'PENDING' | 'DONE' | 'FAILED';

/** The sport an import chose for its workout, who chose it and why. */
export interface ImportSport {
  sport: Sport;
  sportSource: SportSource;
  /** One sentence for the athlete: the word the file used, the speed that decided, or why nothing did. */
  sportReason: string;
}

export interface ImportJobRecord extends ImportSport {
  id: string;
  userId: string;
  status: ImportStatus;
  format: string;
  fileName: string | null;
  workoutId: string;
  error: string | null;
  createdAt: Date;
}

export interface NewImportJob extends ImportSport {
  id: string;
  userId: string;
  workoutId: string;
  fileName: string | null;
  /** Identifies the activity: (athlete, device, start), or a digest of a file without times. */
  pendingKey: string;
  activity: ImportedActivity;
}

export type ImportJobRepo = ReturnType<typeof createImportJobRepo>;

const columns = {
  id: true,
  userId: true,
  status: true,
  format: true,
  fileName: true,
  workoutId: true,
  error: true,
  createdAt: true,
  sport: true,
  sportSource: true,
  sportReason: true,
} as const;

/** Prisma reads the sport as any string; Pulse only ever writes a Sport. */
const asRecord = <T extends { sport: string }>(row: T) => row as T & { sport: Sport };

export function createImportJobRepo(prisma: TrainingDb) {
  return {
    /**
     * Stores a pending job; when a pending job has the same key, returns that one instead (storing nothing),
     * or no job when the job holding the key was settled (stored or failed) between the two queries.
     */
    async create(job: NewImportJob): Promise<{ created: boolean; job: ImportJobRecord | null }> {
      const { activity, ...rest } = job;
      // ON CONFLICT DO NOTHING: a pending job of the same key is an outcome, not an error.
      const [created] = await prisma.importJob.createManyAndReturn({
        data: [
          {
            ...rest,
            format: activity.format,
            device: activity.device,
            startedAt: activity.startedAt === null ? null : new Date(activity.startedAt),
            activity: activity as unknown as Prisma.InputJsonValue,
          },
        ],
        select: columns,
        skipDuplicates: true,
      });
      if (created) return { created: true, job: asRecord(created) };
      const pending = await prisma.importJob.findUnique({
        where: { pendingKey: job.pendingKey },
        select: columns,
      });
      return { created: false, job: pending && asRecord(pending) };
    },

    findOwn: async (userId: string, id: string): Promise<ImportJobRecord | null> => {
      const row = await prisma.importJob.findFirst({ where: { id, userId }, select: columns });
      return row && asRecord(row);
    },

    listOwn: async (userId: string, limit: number): Promise<ImportJobRecord[]> =>
      (
        await prisma.importJob.findMany({
          where: { userId },
          orderBy: { createdAt: 'desc' },
          take: limit,
          select: columns,
        })
      ).map(asRecord),

    /** The oldest pending job with its activity (not locked: `complete` settles who stores it). */
    async oldestPending(): Promise<{ job: ImportJobRecord; activity: ImportedActivity } | null> {
      const row = await prisma.importJob.findFirst({
        where: { status: 'PENDING' },
        orderBy: { createdAt: 'asc' },
        select: { ...columns, activity: true },
      });
      if (!row) return null;
      const { activity, ...job } = row;
      return { job: asRecord(job), activity: activity as unknown as ImportedActivity };
    },

    /**
     * Locks a pending job's row until the unit of work ends; false when another worker has it or it is no
     * longer pending (then its workout is not stored here).
     */
    lockPending: async (jobId: string): Promise<boolean> => {
      const locked = await prisma.$queryRawUnsafe<{ id: string }[]>(
        `SELECT "id" FROM "ImportJob" WHERE "id" = $1::uuid AND "status" = 'PENDING'
         FOR UPDATE SKIP LOCKED`,
        jobId,
      );
      return locked.length > 0;
    },

    /** Marks a locked job DONE (its workout is stored in the same unit of work), freeing its key. */
    markDone: async (jobId: string): Promise<void> => {
      await prisma.importJob.update({
        where: { id: jobId },
        data: { status: 'DONE', pendingKey: null, activity: Prisma.DbNull },
      });
    },

    /** Removes a job that was answered as a duplicate before it was queued (a worker may have failed it). */
    discard: async (id: string): Promise<void> => {
      await prisma.importJob.deleteMany({ where: { id, status: { not: 'DONE' } } });
    },

    /**
     * Marks a locked job failed (its activity could not become a workout; its failed event is written in the
     * same unit of work): nothing of it is kept but the reason. A job discarded meanwhile stays gone.
     */
    fail: async (id: string, error: string): Promise<void> => {
      await prisma.importJob.updateMany({
        where: { id },
        data: { status: 'FAILED', error, pendingKey: null, activity: Prisma.DbNull },
      });
    },
  };
}
