/** The workout lifecycle: start, finish, edit, delete, read; an athlete sees only their own workouts. */
import { v7 as uuidv7, validate as isUuid } from 'uuid';
import type { Viewer } from '../../../lib/auth/viewer';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
} from '../../../lib/errors/domain-error';
import { pageArgs, toConnection } from '../../../lib/graphql/relay';
import type { KnownGearRepo } from './known-gear.repo';
import type { Sport } from '../../../lib/sports';
import { workoutDeleted, workoutEvent } from './workout-events';
import type { WorkoutKey, WorkoutRecord, WorkoutRepo } from './workout.repo';

/** Clocks of phones drift: a start or finish up to this far in the future is accepted as "now". */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;
/** The longest distance one workout may claim (1 000 km), so a typo cannot poison totals. */
export const MAX_DISTANCE_METERS = 1_000_000;
export const MAX_GEAR_PER_WORKOUT = 10;

export interface Clock {
  now(): Date;
}

export type WorkoutService = ReturnType<typeof createWorkoutService>;

function parseKey(raw: unknown): WorkoutKey | null {
  if (!Array.isArray(raw) || raw.length !== 2) return null;
  const [time, id] = raw as unknown[];
  const startedAt = typeof time === 'string' ? new Date(time) : null;
  if (!startedAt || Number.isNaN(startedAt.getTime()) || typeof id !== 'string' || !isUuid(id)) return null;
  return { startedAt, id };
}

const keyOf = (w: WorkoutRecord) => [w.startedAt.toISOString(), w.id];

function checkDistance(distance: number | null | undefined): void {
  if (distance != null && !(Number.isFinite(distance) && distance >= 0 && distance <= MAX_DISTANCE_METERS)) {
    throw new BadUserInputError(
      'distanceMeters',
      `distanceMeters must be between 0 and ${MAX_DISTANCE_METERS}.`,
    );
  }
}

export function createWorkoutService(deps: {
  workouts: WorkoutRepo;
  knownGear: KnownGearRepo;
  clock: Clock;
  /** Called after a commit that wrote events, so the relay publishes them without waiting. */
  published?: () => void;
}) {
  const { workouts, knownGear, clock } = deps;
  const published = deps.published ?? (() => undefined);

  function notInFuture(field: string, value: Date, now: Date) {
    if (value.getTime() > now.getTime() + CLOCK_SKEW_MS) {
      throw new BadUserInputError(
        field,
        `${field} lies in the future; send the time the workout really happened.`,
      );
    }
  }

  /** The viewer's own workout; anyone else's is reported as missing so its existence does not leak. */
  async function ownWorkout(viewer: Viewer, id: string): Promise<WorkoutRecord> {
    if (!isUuid(id)) throw new BadUserInputError('id', 'id must be a workout id (a UUID).');
    const workout = await workouts.findById(id);
    if (!workout || workout.userId !== viewer.userId) throw new NotFoundError('Workout', id);
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

  return {
    async start(
      viewer: Viewer,
      input: { sport: Sport; startedAt?: Date | null; gearIds?: readonly string[] | null },
    ) {
      const now = clock.now();
      const startedAt = input.startedAt ?? now;
      notInFuture('startedAt', startedAt, now);
      const gearIds = await gearFor(viewer, input.sport, input.gearIds);
      const workout = { id: uuidv7(), userId: viewer.userId, sport: input.sport, startedAt, gearIds };
      const stored = await workouts.insert(
        workout,
        workoutEvent(
          'training.workout.started',
          viewer,
        )({
          ...workout,
          status: 'IN_PROGRESS',
          finishedAt: null,
          elapsedSeconds: null,
          distanceMeters: null,
        }),
      );
      published();
      return stored;
    },

    async finish(
      viewer: Viewer,
      input: {
        id: string;
        finishedAt?: Date | null;
        distanceMeters?: number | null;
        gearIds?: readonly string[] | null;
      },
    ): Promise<WorkoutRecord> {
      const workout = await ownWorkout(viewer, input.id);
      const now = clock.now();
      const finishedAt = input.finishedAt ?? now;
      notInFuture('finishedAt', finishedAt, now);
      if (finishedAt < workout.startedAt) {
        throw new BadUserInputError('finishedAt', 'finishedAt must not be before the workout started.');
      }
      checkDistance(input.distanceMeters);
      const gearIds =
        input.gearIds == null ? workout.gearIds : await gearFor(viewer, workout.sport, input.gearIds);
      const finished = await workouts.update(
        workout.id,
        'IN_PROGRESS',
        {
          status: 'FINISHED',
          finishedAt,
          elapsedSeconds: Math.round((finishedAt.getTime() - workout.startedAt.getTime()) / 1000),
          distanceMeters: input.distanceMeters ?? null,
          gearIds,
        },
        workoutEvent('training.workout.completed', viewer),
      );
      if (!finished)
        throw new ConflictError(`Workout ${workout.id} is already finished.`, { id: workout.id });
      published();
      return finished;
    },

    /** Corrects a workout's distance or gear; consumers (gear wear, …) correct what they derived from it. */
    async update(
      viewer: Viewer,
      input: { id: string; distanceMeters?: number | null; gearIds?: readonly string[] | null },
    ) {
      const workout = await ownWorkout(viewer, input.id);
      checkDistance(input.distanceMeters);
      const changes = {
        ...(input.distanceMeters !== undefined && { distanceMeters: input.distanceMeters }),
        ...(input.gearIds != null && { gearIds: await gearFor(viewer, workout.sport, input.gearIds) }),
      };
      const updated = await workouts.update(
        workout.id,
        workout.status,
        changes,
        workoutEvent('training.workout.updated', viewer),
      );
      if (!updated)
        throw new ConflictError(`Workout ${workout.id} changed meanwhile: read it again and retry.`, {
          id: workout.id,
        });
      published();
      return updated;
    },

    async delete(viewer: Viewer, id: string): Promise<string> {
      const workout = await ownWorkout(viewer, id);
      if (!(await workouts.delete(workout.id, workoutDeleted(viewer, workout, clock.now())))) {
        throw new NotFoundError('Workout', id);
      }
      published();
      return workout.id;
    },

    get: (viewer: Viewer, id: string): Promise<WorkoutRecord> => ownWorkout(viewer, id),

    async listOf(viewer: Viewer, userId: string, first?: number | null, after?: string | null) {
      if (userId !== viewer.userId) throw new ForbiddenError('You can only list your own workouts.');
      const page = pageArgs(first, after, parseKey);
      const rows = await workouts.listByUser(userId, page.limit + 1, page.after);
      return toConnection(rows, page, keyOf);
    },
  };
}
