/**
 * The workout lifecycle: start, pause, resume, finish, discard, edit, delete, manual entries, reads, and
 * recomputing figures. Every change is written with its events in one unit of work.
 */
import { v7 as uuidv7, validate as isUuid } from 'uuid';
import type { Viewer } from '../../../../lib/auth/viewer';
import type { Clock } from '../../../../lib/clock';
import type { InTransaction } from '../../../../lib/db/unit-of-work';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
} from '../../../../lib/errors/domain-error';
import { pageArgs, toConnection } from '../../../../lib/graphql/relay';
import type { EventEnvelope } from '../../../../lib/events/envelope';
import type { Sport } from '../../../../lib/sports';
import type { TrainingRepos } from '../training.repos';
import { ownWorkout as ownWorkoutIn } from './own-workout';
import { figuresChanged, figuresFrom, metricsOf } from './workout-figures';
import { workoutDeleted, workoutEvent } from './workout.publish';
import * as input from './workout-input';
import { checkPlausibleSpeed, finishChanges, pauseChanges, resumeChanges } from './workout-lifecycle';
import type {
  NewWorkout,
  Visibility,
  WorkoutChanges,
  WorkoutKey,
  WorkoutRecord,
  WorkoutStatus,
} from './workout.repo';

export const MAX_GEAR_PER_WORKOUT = 10;
const OPEN: WorkoutStatus[] = ['IN_PROGRESS', 'PAUSED'];
/** How many workouts the recompute reads per query. */
const RECOMPUTE_PAGE = 200;

export interface WorkoutEdit {
  id: string;
  title?: string | null;
  notes?: string | null;
  sport?: Sport | null;
  visibility?: Visibility | null;
  distanceMeters?: number | null;
  elevationGainMeters?: number | null;
  gearIds?: readonly string[] | null;
}

export interface ManualWorkout {
  sport: Sport;
  startedAt: Date;
  durationSeconds: number;
  distanceMeters?: number | null;
  elevationGainMeters?: number | null;
  calories?: number | null;
  title?: string | null;
  notes?: string | null;
  visibility?: Visibility | null;
  gearIds?: readonly string[] | null;
}

export type WorkoutService = ReturnType<typeof createWorkoutService>;

const EDITABLE_FIGURES = ['distanceMeters', 'elevationGainMeters'] as const;

/** A figure typed in is kept over computed ones; clearing it (null) hands it back to the engine. */
function editedFieldsAfter(workout: WorkoutRecord, edit: WorkoutEdit): string[] {
  const fields = new Set(workout.editedFields);
  for (const field of EDITABLE_FIGURES) {
    if (edit[field] === null) fields.delete(field);
    else if (edit[field] !== undefined) fields.add(field);
  }
  return [...fields];
}

/** The workout key a list cursor carries, or null when the cursor is not one. */
export function parseKey(raw: unknown): WorkoutKey | null {
  if (!Array.isArray(raw) || raw.length !== 2) return null;
  const [time, id] = raw as unknown[];
  const startedAt = typeof time === 'string' ? new Date(time) : null;
  if (!startedAt || Number.isNaN(startedAt.getTime()) || typeof id !== 'string' || !isUuid(id)) return null;
  return { startedAt, id };
}

export const keyOf = (w: WorkoutRecord) => [w.startedAt.toISOString(), w.id];

/** Starts, changes, reads and recomputes workouts; only their athlete sees or changes them. */
export function createWorkoutService(deps: {
  repos: Pick<TrainingRepos, 'workouts' | 'knownGear' | 'samples' | 'profiles'>;
  inTransaction: InTransaction<Pick<TrainingRepos, 'workouts' | 'outbox'>>;
  clock: Clock;
  /** Called after a commit that wrote events, so the relay publishes them without waiting. */
  published?: () => void;
  /** Called after a pause, resume or finish (live progress subscribers hear of it). */
  changed?: (workout: WorkoutRecord) => void;
}) {
  const { workouts, knownGear, samples, profiles } = deps.repos;
  const { inTransaction, clock } = deps;
  const published = deps.published ?? (() => undefined);
  const changed = deps.changed ?? (() => undefined);

  const ownWorkout = (viewer: Viewer, id: string) => ownWorkoutIn(workouts, viewer, id);

  /** Applies changes allowed in `from` and writes the events built from the new state, in one unit of work. */
  const updateWith = (
    id: string,
    from: WorkoutStatus | WorkoutStatus[],
    changes: WorkoutChanges,
    eventsFor: (updated: WorkoutRecord) => EventEnvelope[],
  ) =>
    inTransaction(async (repos) => {
      const updated = await repos.workouts.update(id, from, changes);
      if (updated) await repos.outbox.write(eventsFor(updated));
      return updated;
    });

  /** Inserts a workout with the events built from it; null (storing nothing) when its id exists already. */
  const insertWith = (workout: NewWorkout, eventsFor: (stored: WorkoutRecord) => EventEnvelope[]) =>
    inTransaction(async (repos) => {
      const stored = await repos.workouts.insert(workout);
      if (stored) await repos.outbox.write(eventsFor(stored));
      return stored;
    });

  function sameOwner(viewer: Viewer, workout: WorkoutRecord): WorkoutRecord {
    if (workout.userId !== viewer.userId)
      throw new ConflictError('This workout id is already in use: generate a new one.', { field: 'id' });
    return workout;
  }

  /** Given ids must be the viewer's active gear; without ids, the gear that is the viewer's default for the sport. */
  async function gearFor(
    viewer: Viewer,
    sport: Sport,
    gearIds: readonly string[] | null | undefined,
  ): Promise<string[]> {
    const own = (await knownGear.ofUser(viewer.userId)).filter((g) => g.status === 'ACTIVE');
    if (gearIds == null) return own.filter((g) => g.defaultForSports.includes(sport)).map((g) => g.gearId);
    const unique = [...new Set(gearIds)];
    if (unique.length > MAX_GEAR_PER_WORKOUT) {
      throw new BadUserInputError('gearIds', `A workout can use at most ${MAX_GEAR_PER_WORKOUT} gear items.`);
    }
    const unknown = unique.filter((id) => !own.some((g) => g.gearId === id));
    if (unknown.length) {
      throw new BadUserInputError(
        'gearIds',
        `Not among your active gear: ${unknown.join(', ')}. (Gear added a moment ago becomes usable within a second.)`,
      );
    }
    return unique;
  }

  /** Applies changes allowed in `from`, with the event the new state calls for. */
  async function change(
    viewer: Viewer,
    workout: WorkoutRecord,
    from: WorkoutStatus | WorkoutStatus[],
    changes: WorkoutChanges,
    type: Parameters<typeof workoutEvent>[0],
  ) {
    const updated = await updateWith(workout.id, from, changes, workoutEvent(type, viewer));
    if (!updated)
      throw new ConflictError(`Workout ${workout.id} changed meanwhile: read it again and retry.`, {
        id: workout.id,
      });
    published();
    return updated;
  }

  /** A change of a recording's state, which its live subscribers hear of. */
  async function changeLive(...args: Parameters<typeof change>) {
    const updated = await change(...args);
    changed(updated);
    return updated;
  }

  /** Adds what the metrics engine computes from the stored track to `changes` (nothing without samples). */
  async function withFigures(workout: WorkoutRecord, changes: WorkoutChanges): Promise<WorkoutChanges> {
    const projected = { ...workout, ...changes } as WorkoutRecord;
    if (projected.sampleCount === 0) return changes;
    const [track, athlete] = await Promise.all([samples.of(workout.id), profiles.of(workout.userId)]);
    return { ...changes, ...figuresFrom(projected, metricsOf(projected, track, athlete)) };
  }

  /** Pauses or resumes the viewer's workout at `at` (default now), if it is in the state `from`. */
  async function pauseOrResume(
    viewer: Viewer,
    id: string,
    at: Date | null | undefined,
    from: WorkoutStatus,
    changesAt: (workout: WorkoutRecord, at: Date) => WorkoutChanges,
  ) {
    const workout = await ownWorkout(viewer, id);
    return changeLive(
      viewer,
      workout,
      from,
      changesAt(workout, momentOf('at', at)),
      'training.workout.updated',
    );
  }

  /** A time the client gives for a transition (default now), never in the future. */
  const momentOf = (field: string, at: Date | null | undefined) => {
    const now = clock.now();
    const moment = at ?? now;
    input.notInFuture(field, moment, now);
    return moment;
  };

  return {
    /**
     * Starts a workout. With a client-generated `id` (a workout recorded offline, uploaded later) a second
     * start with the same id returns the stored workout unchanged: uploading twice yields one workout.
     */
    async start(
      viewer: Viewer,
      args: { sport: Sport; startedAt?: Date | null; gearIds?: readonly string[] | null; id?: string | null },
    ): Promise<WorkoutRecord> {
      if (args.id != null && !isUuid(args.id))
        throw new BadUserInputError('id', 'id must be a UUID generated by the client.');
      const again = args.id ? await workouts.findById(args.id) : null;
      if (again) return sameOwner(viewer, again);
      const startedAt = momentOf('startedAt', args.startedAt);
      const gearIds = await gearFor(viewer, args.sport, args.gearIds);
      const id = args.id ?? uuidv7();
      const stored = await insertWith(
        { id, userId: viewer.userId, sport: args.sport, startedAt, gearIds },
        workoutEvent('training.workout.started', viewer),
      );
      // Null: a concurrent upload of the same workout won the insert.
      if (!stored) return sameOwner(viewer, (await workouts.findById(id))!);
      published();
      return stored;
    },

    pause: (viewer: Viewer, id: string, at?: Date | null) =>
      pauseOrResume(viewer, id, at, 'IN_PROGRESS', pauseChanges),

    resume: (viewer: Viewer, id: string, at?: Date | null) =>
      pauseOrResume(viewer, id, at, 'PAUSED', resumeChanges),

    async finish(
      viewer: Viewer,
      args: {
        id: string;
        finishedAt?: Date | null;
        distanceMeters?: number | null;
        calories?: number | null;
        gearIds?: readonly string[] | null;
      },
    ): Promise<WorkoutRecord> {
      const workout = await ownWorkout(viewer, args.id);
      // A retried finish (same time, as an offline upload re-sends it) answers with the finished workout.
      if (
        workout.status === 'FINISHED' &&
        args.finishedAt &&
        workout.finishedAt?.getTime() === args.finishedAt.getTime()
      ) {
        return workout;
      }
      input.numberInRange('distanceMeters', args.distanceMeters, input.MAX_DISTANCE_METERS);
      input.numberInRange('calories', args.calories, input.MAX_CALORIES, true);
      const changes = finishChanges(
        workout,
        momentOf('finishedAt', args.finishedAt),
        args.distanceMeters ?? null,
      );
      const gearIds =
        args.gearIds == null ? workout.gearIds : await gearFor(viewer, workout.sport, args.gearIds);
      const deviceCalories = args.calories ?? workout.deviceCalories;
      const figures = await withFigures(workout, {
        ...changes,
        gearIds,
        deviceCalories,
        calories: deviceCalories === null ? null : Math.round(deviceCalories),
      });
      return changeLive(viewer, workout, OPEN, figures, 'training.workout.completed');
    },

    /** Logs a workout done without recording it: finished at once, with the figures given. */
    async logManual(viewer: Viewer, args: ManualWorkout): Promise<WorkoutRecord> {
      const now = clock.now();
      input.numberInRange('durationSeconds', args.durationSeconds, input.MAX_DURATION_SECONDS, true);
      if (args.durationSeconds < 1)
        throw new BadUserInputError('durationSeconds', 'durationSeconds must be at least 1.');
      const finishedAt = new Date(args.startedAt.getTime() + args.durationSeconds * 1000);
      input.inWorkoutWindow('startedAt', args.startedAt, now);
      input.notInFuture('startedAt', finishedAt, now);
      input.numberInRange('distanceMeters', args.distanceMeters, input.MAX_DISTANCE_METERS);
      input.numberInRange('elevationGainMeters', args.elevationGainMeters, input.MAX_ELEVATION_GAIN_METERS);
      input.numberInRange('calories', args.calories, input.MAX_CALORIES, true);
      checkPlausibleSpeed(args.sport, args.distanceMeters, args.durationSeconds);
      const stored = await insertWith(
        {
          id: uuidv7(),
          userId: viewer.userId,
          sport: args.sport,
          source: 'MANUAL',
          status: 'FINISHED',
          startedAt: args.startedAt,
          finishedAt,
          elapsedSeconds: args.durationSeconds,
          movingSeconds: args.durationSeconds,
          distanceMeters: args.distanceMeters ?? null,
          elevationGainMeters: args.elevationGainMeters ?? null,
          calories: args.calories ?? null,
          title: input.text('title', args.title, input.MAX_TITLE_LENGTH) ?? null,
          notes: input.text('notes', args.notes, input.MAX_NOTES_LENGTH) ?? null,
          ...(args.visibility && { visibility: args.visibility }),
          gearIds: await gearFor(viewer, args.sport, args.gearIds),
        },
        workoutEvent('training.workout.completed', viewer),
      );
      if (!stored) throw new ConflictError('A workout with this id exists already.');
      published();
      return stored;
    },

    /**
     * Edits a workout; what other contexts derived from it (gear wear, XP, …) follows through the updated
     * event. A sport set here is the athlete's (`sportSource` ATHLETE): it corrects or confirms the sport an
     * import inferred, and a different one recomputes the figures that depend on it.
     */
    async update(viewer: Viewer, edit: WorkoutEdit) {
      const workout = await ownWorkout(viewer, edit.id);
      input.numberInRange('distanceMeters', edit.distanceMeters, input.MAX_DISTANCE_METERS);
      input.numberInRange('elevationGainMeters', edit.elevationGainMeters, input.MAX_ELEVATION_GAIN_METERS);
      const sport = edit.sport ?? workout.sport;
      checkPlausibleSpeed(
        sport,
        edit.distanceMeters === undefined ? workout.distanceMeters : edit.distanceMeters,
        workout.movingSeconds,
      );
      const changes: WorkoutChanges = {
        editedFields: editedFieldsAfter(workout, edit),
        ...(edit.title !== undefined && { title: input.text('title', edit.title, input.MAX_TITLE_LENGTH) }),
        ...(edit.notes !== undefined && { notes: input.text('notes', edit.notes, input.MAX_NOTES_LENGTH) }),
        // The athlete's sport, even the same one: it confirms a sport the file or its speed suggested.
        ...(edit.sport && { sport: edit.sport, sportSource: 'ATHLETE' as const }),
        ...(edit.visibility && { visibility: edit.visibility }),
        ...(edit.distanceMeters !== undefined && { distanceMeters: edit.distanceMeters }),
        ...(edit.elevationGainMeters !== undefined && { elevationGainMeters: edit.elevationGainMeters }),
        ...(edit.gearIds != null && { gearIds: await gearFor(viewer, sport, edit.gearIds) }),
      };
      // A new sport changes stop thresholds; a cleared figure falls back to the computed one.
      const recompute =
        workout.status === 'FINISHED' &&
        ((edit.sport != null && edit.sport !== workout.sport) ||
          edit.distanceMeters === null ||
          edit.elevationGainMeters === null);
      const figures = recompute ? await withFigures(workout, changes) : changes;
      return change(viewer, workout, workout.status, figures, 'training.workout.updated');
    },

    /** Throws away a workout still being recorded. */
    async discard(viewer: Viewer, id: string): Promise<string> {
      const workout = await ownWorkout(viewer, id);
      if (!OPEN.includes(workout.status)) {
        throw new ConflictError(`Workout ${workout.id} is finished: delete it instead of discarding it.`, {
          id: workout.id,
        });
      }
      return this.delete(viewer, id);
    },

    async delete(viewer: Viewer, id: string): Promise<string> {
      const workout = await ownWorkout(viewer, id);
      const deleted = await inTransaction(async (repos) => {
        if (!(await repos.workouts.delete(workout.id))) return false;
        await repos.outbox.write(workoutDeleted(viewer, workout, clock.now()));
        return true;
      });
      if (!deleted) throw new NotFoundError('Workout', id);
      published();
      return workout.id;
    },

    get: (viewer: Viewer, id: string): Promise<WorkoutRecord> => ownWorkout(viewer, id),

    /**
     * Recomputes a finished workout's figures from its stored track (late samples, a new metrics version);
     * publishes `training.workout.updated` only when what other contexts see changed.
     */
    async refreshFigures(id: string): Promise<WorkoutRecord | null> {
      const workout = await workouts.findById(id);
      if (!workout || workout.status !== 'FINISHED') return workout;
      const figures = await withFigures(workout, {});
      const updated = await updateWith(id, 'FINISHED', figures, (after) =>
        figuresChanged(workout, after) ? workoutEvent('training.workout.updated', null)(after) : [],
      );
      if (updated && figuresChanged(workout, updated)) published();
      return updated;
    },

    async listOf(viewer: Viewer, userId: string, first?: number | null, after?: string | null) {
      if (userId !== viewer.userId) throw new ForbiddenError('You can only list your own workouts.');
      const page = pageArgs(first, after, parseKey);
      const rows = await workouts.listByUser(userId, page.limit + 1, page.after);
      return toConnection(rows, page, keyOf);
    },

    /**
     * Recomputes the figures of finished workouts with a track: those computed with another metrics version
     * than `version` (or never), or all of them; each in its own unit of work (refreshFigures). A workout
     * that fails is counted and handed to `failed`, and the rest go on.
     */
    async recomputeFigures(
      version: number | 'all',
      failed: (workoutId: string, error: unknown) => void,
    ): Promise<{ recomputed: number; failed: number }> {
      const counts = { recomputed: 0, failed: 0 };
      let after: string | null = null;
      for (;;) {
        const ids = await workouts.idsToRecompute(version, RECOMPUTE_PAGE, after);
        for (const id of ids) {
          try {
            await this.refreshFigures(id);
            counts.recomputed += 1;
          } catch (error) {
            counts.failed += 1;
            failed(id, error);
          }
        }
        if (ids.length < RECOMPUTE_PAGE) return counts;
        after = ids.at(-1)!;
      }
    },
  };
}
