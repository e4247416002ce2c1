/** Events published by the training context. */
import { z } from 'zod';
import { WORKOUT_TIME_WINDOW } from '../../workout-time-window';

/**
 * An instant of a workout: ISO 8601 in UTC (so no later than the year 9999), not before 1970 — the shared
 * workout time window (lib/workout-time-window.ts) that training checks when it accepts the workout.
 */
const workoutInstant = z.iso
  .datetime()
  .refine((at) => Date.parse(at) >= WORKOUT_TIME_WINDOW.earliestMs, 'A workout instant lies before 1970.');

/** What other contexts need to know about a workout: its figures and the gear used. */
export const workoutSummary = z.object({
  workoutId: z.uuid(),
  userId: z.uuid(),
  sport: z.string(),
  status: z.enum(['IN_PROGRESS', 'PAUSED', 'FINISHED']),
  startedAt: workoutInstant,
  finishedAt: workoutInstant.nullable(),
  /** Seconds from start to finish. */
  elapsedSeconds: z.number().int().nonnegative().nullable(),
  /** Seconds in motion; null until the metrics engine computes it (elapsed time stands in). */
  movingSeconds: z.number().int().nonnegative().nullable(),
  distanceMeters: z.number().nonnegative().nullable(),
  elevationGainMeters: z.number().nonnegative().nullable(),
  gearIds: z.array(z.uuid()),
  /**
   * The title the athlete gave (null when none): the social feed and kudos show it. Absent in events
   * published before it existed.
   */
  title: z.string().nullable().optional(),
  /** Problems the metrics engine found in the track (SPEED_JUMP, …): consumers may refuse to reward it. */
  trackFlags: z.array(z.string()).optional(),
  /**
   * Who may see the workout. Absent in events published before it existed: read it as `FOLLOWERS`, the
   * default then and now, so those workouts count as they did.
   */
  visibility: z.enum(['PUBLIC', 'FOLLOWERS', 'PRIVATE']).optional(),
  /** Banister TRIMP from the heart rate; null without one. Absent in events published before it existed. */
  trimp: z.number().nonnegative().nullable().optional(),
  /** The fastest time over each standard distance in the workout ('5k', …). Absent before it existed. */
  bestEfforts: z
    .array(
      z.object({ name: z.string(), distanceMeters: z.number().positive(), seconds: z.number().positive() }),
    )
    .optional(),
});
export type WorkoutSummary = z.infer<typeof workoutSummary>;

export const trainingEvents = {
  'training.workout.started': { version: 1, data: workoutSummary },
  'training.workout.completed': { version: 1, data: workoutSummary },
  /** The workout's new state after an edit (figures, sport or gear). */
  'training.workout.updated': { version: 1, data: workoutSummary },
  'training.workout.deleted': {
    version: 1,
    data: z.object({ workoutId: z.uuid(), userId: z.uuid(), deletedAt: z.iso.datetime() }),
  },
  /** The athlete saved their training profile: what other contexts may know of it (no weight, no heart rates). */
  'training.profile.updated': {
    version: 1,
    data: z.object({
      userId: z.uuid(),
      birthYear: z.number().int().nullable(),
      sex: z.enum(['FEMALE', 'MALE']).nullable(),
      updatedAt: z.iso.datetime(),
    }),
  },
  /** An uploaded file became its workout (the import job is DONE). */
  'training.import.finished': {
    version: 1,
    data: z.object({
      userId: z.uuid(),
      importId: z.uuid(),
      workoutId: z.uuid(),
      /** The file's name as uploaded; null when the upload gave none. */
      fileName: z.string().nullable(),
      sport: z.string(),
      finishedAt: z.iso.datetime(),
    }),
  },
  /** An uploaded file could not become a workout (the import job is FAILED); nothing of it is kept. */
  'training.import.failed': {
    version: 1,
    data: z.object({
      userId: z.uuid(),
      importId: z.uuid(),
      fileName: z.string().nullable(),
      /** One sentence for the athlete (the job's error). */
      reason: z.string(),
      failedAt: z.iso.datetime(),
    }),
  },
} as const;
