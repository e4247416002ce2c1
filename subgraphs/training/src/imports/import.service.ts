/**
 * Imports workouts from files. Accepting an upload parses it at once (a malformed file is refused and
 * nothing is stored), answers CONFLICT with the existing workout's id for an activity already imported or
 * waiting (same device and start time), and otherwise stores a pending job with the sport it chose (the
 * athlete's `sport` at upload, else the file's words, else its moving speed: see files/sport-choice.ts);
 * `processNext` turns one pending job into a finished workout with its samples, figures and completed
 * event, in one unit of work that marks the job DONE and announces it (training.import.finished); a job
 * whose file cannot become a workout is marked FAILED and announced (training.import.failed) in one unit of
 * work too, both under the job's row lock, so each job announces its outcome once.
 */
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../../lib/auth/viewer';
import type { Clock } from '../../../../lib/clock';
import type { InTransaction } from '../../../../lib/db/unit-of-work';
import {
  BadUserInputError,
  ConflictError,
  DomainError,
  NotFoundError,
  RateLimitedError,
} from '../../../../lib/errors/domain-error';
import { SPORTS, type Sport } from '../../../../lib/sports';
import { checkText, textProblem } from '../../../../lib/graphql/input';
import { workoutInstantProblem } from '../../../../lib/workout-time-window';
import type { ImportedActivity } from '../files/activity';
import { parseActivityFileInWorker } from '../files/parse-in-worker';
import type { TrainingRepos } from '../training.repos';
import type { ImportJobRecord, ImportSport } from './import-job.repo';
import { figuresFrom, metricsOf } from '../workouts/workout-figures';
import * as input from '../workouts/workout-input';
import { workoutEvent } from '../workouts/workout.publish';
import { checkPlausibleSpeed } from '../workouts/workout-lifecycle';
import { importFailed, importFinished } from './import.publish';
import { aNewRecord } from './import-record';
import type { WorkoutRecord } from '../workouts/workout.repo';

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

/** What a job is settled with: its row (locked), its workout and samples, its events. */
type SettleRepos = Pick<TrainingRepos, 'importJobs' | 'workouts' | 'samples' | 'outbox'>;

/** Accepts uploads as pending jobs and turns each job into one workout. */
export function createImportService(deps: {
  repos: Pick<TrainingRepos, 'importJobs' | 'workouts' | 'knownGear' | 'profiles'>;
  inTransaction: InTransaction<SettleRepos>;
  clock: Clock;
  /** Called when a job is waiting (wakes the worker) and after a job was settled and announced (wakes the relay). */
  queued: () => void;
  published: () => void;
}) {
  const { importJobs: jobs, workouts } = deps.repos;

  const existingWorkout = (userId: string, activity: ImportedActivity): Promise<string | null> =>
    activity.startedAt === null
      ? Promise.resolve(null)
      : workouts.idOfActivity(userId, activity.device, new Date(activity.startedAt));

  /** The workout a job becomes, with its figures. */
  async function workoutOf(job: ImportJobRecord, activity: ImportedActivity): Promise<WorkoutRecord> {
    const gear = (await deps.repos.knownGear.ofUser(job.userId)).filter(
      (g) => g.status === 'ACTIVE' && g.defaultForSports.includes(job.sport),
    );
    const base = aNewRecord(
      job,
      activity,
      gear.map((g) => g.gearId),
      deps.clock.now(),
    );
    const samples = activity.samples.map((sample, sequence) => ({ ...sample, sequence }));
    const metrics = metricsOf(base, samples, await deps.repos.profiles.of(job.userId));
    const workout = { ...base, ...figuresFrom(base, metrics) } as WorkoutRecord;
    checkPlausibleSpeed(workout.sport, workout.distanceMeters, workout.movingSeconds);
    return workout;
  }

  /** Marks a job locked by the caller's unit of work FAILED and announces it there. */
  async function failLocked(repos: SettleRepos, job: ImportJobRecord, reason: string): Promise<void> {
    await repos.importJobs.fail(job.id, reason);
    await repos.outbox.write([importFailed(job, reason, deps.clock.now())]);
  }

  /**
   * Fails a pending job and announces it, in one unit of work holding the job's row lock; false (failing
   * nothing) when another worker has the job or it is no longer pending.
   */
  const fail = (job: ImportJobRecord, reason: string) =>
    deps.inTransaction(async (repos): Promise<boolean> => {
      if (!(await repos.importJobs.lockPending(job.id))) return false;
      await failLocked(repos, job, reason);
      return true;
    });

  /**
   * Stores a job's workout with its samples and completed event, marks the job DONE and announces it, in one
   * unit of work holding the job's row lock: 'taken' (storing nothing) when another worker has the job or it
   * is no longer pending, 'duplicate' (storing nothing, the job failed and announced) when the activity was
   * stored meanwhile by another way in.
   */
  const store = (job: ImportJobRecord, workout: WorkoutRecord, activity: ImportedActivity) =>
    deps.inTransaction(async (repos): Promise<'stored' | 'taken' | 'duplicate'> => {
      if (!(await repos.importJobs.lockPending(job.id))) return 'taken';
      const stored = await repos.workouts.insert(workout);
      if (!stored) {
        await failLocked(repos, job, 'This activity was imported already.');
        return 'duplicate';
      }
      const uploader = { userId: workout.userId, roles: [] };
      await repos.outbox.write(workoutEvent('training.workout.completed', uploader)(stored));
      const rows = activity.samples.map((sample, sequence) => ({
        ...sample,
        sequence,
        recordedAt: sample.time === null ? null : new Date(sample.time),
      }));
      await repos.samples.insert(workout.id, rows);
      await repos.importJobs.markDone(job.id);
      await repos.outbox.write([importFinished(job, stored, deps.clock.now())]);
      return 'stored';
    });

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
      let outcome: Awaited<ReturnType<typeof store>>;
      try {
        outcome = await store(job, await workoutOf(job, activity), activity);
      } catch (error) {
        // A job that can never succeed fails; any other failure (the database was away, …) is retried.
        if (!(error instanceof DomainError)) throw error;
        if (await fail(job, error.message)) deps.published();
        return true;
      }
      if (outcome !== 'taken') deps.published();
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
