/** The state rules of a workout's life, as pure functions over its record: pause, resume, finish, plausibility. */
import { BadUserInputError, ConflictError } from '../../../../lib/errors/domain-error';
import { SPORT_TAXONOMY, type Sport } from '../../../../lib/sports';
import type { WorkoutChanges, WorkoutRecord } from './workout.repo';

const seconds = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

function notBefore(field: string, at: Date, earliest: Date, what: string) {
  if (at < earliest) throw new BadUserInputError(field, `${field} must not be before ${what}.`);
}

export function pauseChanges(workout: WorkoutRecord, at: Date): WorkoutChanges {
  if (workout.status !== 'IN_PROGRESS') {
    throw new ConflictError(
      `Workout ${workout.id} is ${workout.status.toLowerCase().replace('_', ' ')}: only a workout in progress can be paused.`,
      { id: workout.id },
    );
  }
  notBefore('at', at, workout.startedAt, 'the workout started');
  return { status: 'PAUSED', pausedAt: at };
}

export function resumeChanges(workout: WorkoutRecord, at: Date): WorkoutChanges {
  if (workout.status !== 'PAUSED' || !workout.pausedAt) {
    throw new ConflictError(`Workout ${workout.id} is not paused.`, { id: workout.id });
  }
  notBefore('at', at, workout.pausedAt, 'the pause began');
  return {
    status: 'IN_PROGRESS',
    pausedAt: null,
    pausedSeconds: workout.pausedSeconds + seconds(workout.pausedAt, at),
    pauses: [...workout.pauses, { from: workout.pausedAt.getTime(), to: at.getTime() }],
  };
}

/** Elapsed time counts pauses; moving time does not (an open pause ends at the finish). */
export function finishChanges(
  workout: WorkoutRecord,
  finishedAt: Date,
  distanceMeters: number | null,
): WorkoutChanges {
  if (workout.status === 'FINISHED')
    throw new ConflictError(`Workout ${workout.id} is already finished.`, { id: workout.id });
  notBefore(
    'finishedAt',
    finishedAt,
    workout.pausedAt ?? workout.startedAt,
    workout.pausedAt ? 'the pause began' : 'the workout started',
  );
  const elapsedSeconds = seconds(workout.startedAt, finishedAt);
  const pausedSeconds =
    workout.pausedSeconds + (workout.pausedAt ? seconds(workout.pausedAt, finishedAt) : 0);
  const movingSeconds = Math.max(0, elapsedSeconds - pausedSeconds);
  checkPlausibleSpeed(workout.sport, distanceMeters, movingSeconds);
  return {
    status: 'FINISHED',
    finishedAt,
    elapsedSeconds,
    pausedSeconds,
    pausedAt: null,
    ...(workout.pausedAt && {
      pauses: [...workout.pauses, { from: workout.pausedAt.getTime(), to: finishedAt.getTime() }],
    }),
    movingSeconds,
    distanceMeters,
  };
}

/** Refuses a distance no one could cover in that time in that sport (typing 100 000 for 10 000, say). */
export function checkPlausibleSpeed(
  sport: Sport,
  distanceMeters: number | null | undefined,
  movingSeconds: number | null | undefined,
) {
  // Unknown time (null) cannot be judged; a distance covered in no time at all is never plausible.
  if (!distanceMeters || movingSeconds == null) return;
  const max = SPORT_TAXONOMY[sport].maxPlausibleSpeedMps;
  if (movingSeconds === 0 || distanceMeters / movingSeconds > max) {
    const kmh = Math.round(max * 3.6);
    throw new BadUserInputError(
      'distanceMeters',
      `${distanceMeters} m in ${movingSeconds} s is faster than ${kmh} km/h, the most plausible for ${sport}: check the distance and the times.`,
    );
  }
}
