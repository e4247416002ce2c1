/** The workout lifecycle: start, finish, read; an athlete sees only their own workouts. */
import { v7 as uuidv7, validate as isUuid } from 'uuid';
import type { Viewer } from '../../../lib/auth/viewer';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
} from '../../../lib/errors/domain-error';
import { pageArgs, toConnection } from '../../../lib/graphql/relay';
import type { Sport } from './sports';
import type { WorkoutKey, WorkoutRecord, WorkoutRepo } from './workout.repo';

/** Clocks of phones drift: a start or finish up to this far in the future is accepted as "now". */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;
/** The longest distance one workout may claim (1 000 km), so a typo cannot poison totals. */
export const MAX_DISTANCE_METERS = 1_000_000;

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

export function createWorkoutService(deps: { workouts: WorkoutRepo; clock: Clock }) {
  const { workouts, clock } = deps;

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

  return {
    async start(viewer: Viewer, input: { sport: Sport; startedAt?: Date | null }): Promise<WorkoutRecord> {
      const now = clock.now();
      const startedAt = input.startedAt ?? now;
      notInFuture('startedAt', startedAt, now);
      return workouts.insert({ id: uuidv7(), userId: viewer.userId, sport: input.sport, startedAt });
    },

    async finish(
      viewer: Viewer,
      input: { id: string; finishedAt?: Date | null; distanceMeters?: number | null },
    ): Promise<WorkoutRecord> {
      const workout = await ownWorkout(viewer, input.id);
      const now = clock.now();
      const finishedAt = input.finishedAt ?? now;
      notInFuture('finishedAt', finishedAt, now);
      if (finishedAt < workout.startedAt) {
        throw new BadUserInputError('finishedAt', 'finishedAt must not be before the workout started.');
      }
      const distance = input.distanceMeters ?? null;
      if (
        distance !== null &&
        !(Number.isFinite(distance) && distance >= 0 && distance <= MAX_DISTANCE_METERS)
      ) {
        throw new BadUserInputError(
          'distanceMeters',
          `distanceMeters must be between 0 and ${MAX_DISTANCE_METERS}.`,
        );
      }
      const finished = await workouts.finish(workout.id, {
        finishedAt,
        elapsedSeconds: Math.round((finishedAt.getTime() - workout.startedAt.getTime()) / 1000),
        distanceMeters: distance,
      });
      if (!finished)
        throw new ConflictError(`Workout ${workout.id} is already finished.`, { id: workout.id });
      return finished;
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
