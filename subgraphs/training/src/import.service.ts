/**
 * Imports workouts from files. Accepting an upload parses it at once (a malformed file is refused and
 * nothing is stored), answers CONFLICT with the existing workout's id for an activity already imported or
 * waiting (same device and start time), and otherwise stores a pending job with the sport it chose (the
 * athlete's `sport` at upload, else the file's words, else its moving speed: see files/sport-choice.ts);
 * `processNext` turns one pending job into a finished workout with its samples, figures and completed
 * event, in one transaction.
 */
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../lib/auth/viewer';
import {
  BadUserInputError,
  ConflictError,
  DomainError,
  NotFoundError,
  RateLimitedError,
} from '../../../lib/errors/domain-error';
import { SPORTS, type Sport } from '../../../lib/sports';
import { checkText, textProblem } from '../../../lib/graphql/input';
import { workoutInstantProblem } from '../../../lib/workout-time-window';
import type { ImportedActivity } from './files/activity';
import { parseActivityFileInWorker } from './files/parse-in-worker';
import type { ImportJobRecord, ImportJobRepo, ImportSport, Tx } from './import-job.repo';
import type { KnownGearRepo } from './known-gear.repo';
import { insertSamples } from './telemetry.repo';
import type { TrainingProfileRepo } from './training-profile.repo';
import { figuresFrom, metricsOf } from './workout-figures';
import * as input from './workout-input';
import { workoutEvent } from './workout-events';
import { checkPlausibleSpeed } from './workout-lifecycle';
import { aNewRecord } from './import-record';
import type { TrainingPrisma } from './training.prisma';
import { insertIn, type WorkoutRecord } from './workout.repo';

export interface Upload {
  bytes: Buffer;
  fileName?: string | null;
  contentType?: string | null;
  /** The athlete's sport: wins over the one the file names or its speed suggests (source ATHLETE). */
  sport?: string | null;
}

export type ImportService = ReturnType<typeof createImportService>;

/** How many uploads of one athlete are read at once; more answer RATE_LIMITED until one is done. */
export const MAX_UPLOADS_READ_AT_ONCE = 2;

const duplicate = (workoutId: string) =>
  new ConflictError(`This activity was imported already, as workout ${workoutId}.`, { workoutId });

/** (athlete, device, start); a file without times is identified by its content instead. */
function keyOf(userId: string, activity: ImportedActivity, bytes: Buffer): string {
  const start = activity.startedAt ?? `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  return `${userId}|${activity.device}|${start}`;
}

/**
 * What a file says must fit what a workout may hold: every time in the shared workout time window
 * (lib/workout-time-window.ts), the device's calories and distance in the ranges of a manual workout.
 */
function checkFile(activity: ImportedActivity, now: Date): void {
  const times: [string, number | null][] = [
    ['start', activity.startedAt],
    ['end', activity.finishedAt],
    ...activity.samples.map((sample, i): [string, number | null] => [`sample ${i + 1}'s time`, sample.time]),
  ];
  for (const [what, at] of times) {
    const problem = at === null ? null : workoutInstantProblem(at, now.getTime());
    if (problem) throw new BadUserInputError('file', `The file's ${what} ${problem}.`);
  }
  // Names a device or an app wrote into the file: stored, so they must be text PostgreSQL can hold.
  for (const [what, text] of [
    ['title', activity.title],
    ['device name', activity.device],
  ] as const) {
    const problem = text === null ? null : textProblem(text, 1_000);
    if (problem) throw new BadUserInputError('file', `The file's ${what} ${problem}.`);
  }
  const figures: [string, number | null, number, string][] = [
    ['calories', activity.calories, input.MAX_CALORIES, 'kcal'],
    ['distance', activity.deviceDistanceMeters, input.MAX_DISTANCE_METERS, 'm'],
  ];
  for (const [what, value, max, unit] of figures) {
    if (value !== null && !(Number.isFinite(value) && value >= 0 && value <= max)) {
      throw new BadUserInputError(
        'file',
        `The file gives ${what} of ${value} ${unit}, outside 0 to ${max} ${unit}.`,
      );
    }
  }
}

/** The sport the athlete named at upload wins; otherwise the file's (its words, else its speed). */
function sportOf(requested: string | null | undefined, activity: ImportedActivity): ImportSport {
  if (requested == null || requested === '') {
    const { sport, sportSource, sportReason } = activity;
    return { sport, sportSource, sportReason };
  }
  if (!(SPORTS as string[]).includes(requested))
    throw new BadUserInputError('sport', `sport must be one of ${SPORTS.join(', ')}.`);
  return {
    sport: requested as Sport,
    sportSource: 'ATHLETE',
    sportReason: `You chose it at upload (sport=${requested}).`,
  };
}

export function createImportService(deps: {
  prisma: TrainingPrisma;
  jobs: ImportJobRepo;
  knownGear: KnownGearRepo;
  profiles: TrainingProfileRepo;
  clock: { now(): Date };
  /** Called when a job is waiting (wakes the worker) and after a workout was stored (wakes the relay). */
  queued: () => void;
  published: () => void;
}) {
  const { prisma, jobs } = deps;

  async function existingWorkout(userId: string, activity: ImportedActivity): Promise<string | null> {
    if (activity.startedAt === null) return null;
    const found = await prisma.workout.findFirst({
      where: { userId, device: activity.device, startedAt: new Date(activity.startedAt) },
      select: { id: true },
    });
    return found?.id ?? null;
  }

  /** The workout a job becomes, with its figures. */
  async function workoutOf(job: ImportJobRecord, activity: ImportedActivity): Promise<WorkoutRecord> {
    const gear = (await deps.knownGear.ofUser(job.userId)).filter(
      (g) => g.status === 'ACTIVE' && g.defaultForSports.includes(job.sport),
    );
    const base = aNewRecord(
      job,
      activity,
      gear.map((g) => g.gearId),
      deps.clock.now(),
    );
    const samples = activity.samples.map((sample, sequence) => ({ ...sample, sequence }));
    const metrics = metricsOf(base, samples, await deps.profiles.of(job.userId));
    const workout = { ...base, ...figuresFrom(base, metrics) } as WorkoutRecord;
    checkPlausibleSpeed(workout.sport, workout.distanceMeters, workout.movingSeconds);
    return workout;
  }

  async function store(tx: Tx, workout: WorkoutRecord, activity: ImportedActivity) {
    const uploader = { userId: workout.userId, roles: [] };
    await insertIn(tx, workout, workoutEvent('training.workout.completed', uploader));
    const rows = activity.samples.map((sample, sequence) => ({
      ...sample,
      sequence,
      recordedAt: sample.time === null ? null : new Date(sample.time),
    }));
    await insertSamples(tx, workout.id, rows);
  }

  /** Why a job can never succeed, or null for a failure worth retrying (the database was away, …). */
  function permanentReason(error: unknown): string | null {
    if (error instanceof DomainError) return error.message;
    const code = (error as { code?: unknown }).code;
    if (code === 'P2002') return 'This activity was imported already.';
    return null;
  }

  // Uploads of each athlete being read now (in this process): each one holds a parse worker.
  const reading = new Map<string, number>();

  /** Reads an upload, at most MAX_UPLOADS_READ_AT_ONCE of one athlete at a time. */
  async function read(viewer: Viewer, upload: Upload): Promise<ImportedActivity> {
    const inFlight = reading.get(viewer.userId) ?? 0;
    if (inFlight >= MAX_UPLOADS_READ_AT_ONCE) {
      throw new RateLimitedError(
        `${inFlight} of your uploads are being read: send the next one when they are done (at most ${MAX_UPLOADS_READ_AT_ONCE} at a time).`,
        5,
      );
    }
    reading.set(viewer.userId, inFlight + 1);
    try {
      return await parseActivityFileInWorker(upload.bytes, {
        fileName: upload.fileName ?? undefined,
        contentType: upload.contentType ?? undefined,
      });
    } finally {
      const left = (reading.get(viewer.userId) ?? 1) - 1;
      if (left > 0) reading.set(viewer.userId, left);
      else reading.delete(viewer.userId);
    }
  }

  return {
    async accept(viewer: Viewer, upload: Upload): Promise<ImportJobRecord> {
      if (upload.fileName != null) checkText('fileName', upload.fileName, 255);
      const parsed = await read(viewer, upload);
      checkFile(parsed, deps.clock.now());
      const sport = sportOf(upload.sport, parsed);
      const activity = { ...parsed, sport: sport.sport };
      // The job holding this activity's pending key may be settled while we look: look again then.
      for (let attempt = 1; ; attempt++) {
        const existing = await existingWorkout(viewer.userId, activity);
        if (existing) throw duplicate(existing);
        const { created, job } = await jobs.create({
          id: uuidv7(),
          userId: viewer.userId,
          workoutId: uuidv7(),
          fileName: upload.fileName ?? null,
          pendingKey: keyOf(viewer.userId, activity, upload.bytes),
          activity,
          ...sport,
        });
        if (job && !created) throw duplicate(job.workoutId);
        if (job) {
          // A job of the same activity may have become its workout between the check above and this job
          // (the worker stores the workout and frees the pending key in one transaction): look again.
          const storedMeanwhile = await existingWorkout(viewer.userId, activity);
          if (storedMeanwhile) {
            await jobs.discard(job.id);
            throw duplicate(storedMeanwhile);
          }
          deps.queued();
          return job;
        }
        if (attempt === 3) throw new Error('The pending key of an upload kept changing hands.');
      }
    },

    /** Turns the oldest pending job into a workout; false when there was none. */
    async processNext(): Promise<boolean> {
      const next = await jobs.oldestPending();
      if (!next) return false;
      const { job, activity } = next;
      try {
        const workout = await workoutOf(job, activity);
        if (await jobs.complete(job.id, (tx) => store(tx, workout, activity))) deps.published();
      } catch (error) {
        const reason = permanentReason(error);
        if (reason === null) throw error;
        await jobs.fail(job.id, reason);
      }
      return true;
    },

    async get(viewer: Viewer, id: string): Promise<ImportJobRecord> {
      const job = await jobs.findOwn(viewer.userId, id).catch(() => null);
      if (!job) throw new NotFoundError('ImportJob', id);
      return job;
    },

    list: (viewer: Viewer, first: number) => jobs.listOwn(viewer.userId, Math.min(Math.max(first, 0), 100)),
  };
}
