/** Checks of what a client sends about a workout; each failure names the field. */
import { BadUserInputError } from '../../../../lib/errors/domain-error';
import { workoutInstantProblem } from '../../../../lib/workout-time-window';

/** Clocks of phones drift: a time up to this far in the future is accepted as "now". */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;
/** The longest distance one workout may claim (1 000 km), so a typo cannot poison totals. */
export const MAX_DISTANCE_METERS = 1_000_000;
export const MAX_DURATION_SECONDS = 7 * 24 * 3600;
export const MAX_ELEVATION_GAIN_METERS = 20_000;
export const MAX_CALORIES = 20_000;
export const MAX_TITLE_LENGTH = 120;
export const MAX_NOTES_LENGTH = 5_000;

/** Refuses an instant outside the shared workout time window (lib/workout-time-window.ts). */
export function inWorkoutWindow(field: string, value: Date, now: Date): void {
  const problem = workoutInstantProblem(value.getTime(), now.getTime());
  if (problem) throw new BadUserInputError(field, `${field} ${problem}.`);
}

/** A moment of a workout's life as the client reports it: in the window, and not ahead of now. */
export function notInFuture(field: string, value: Date, now: Date): void {
  inWorkoutWindow(field, value, now);
  if (value.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new BadUserInputError(
      field,
      `${field} lies in the future; send the time the workout really happened.`,
    );
  }
}

export function numberInRange(
  field: string,
  value: number | null | undefined,
  max: number,
  integer = false,
): void {
  if (value == null) return;
  if (!Number.isFinite(value) || value < 0 || value > max || (integer && !Number.isInteger(value))) {
    throw new BadUserInputError(
      field,
      `${field} must be ${integer ? 'a whole number ' : ''}between 0 and ${max}.`,
    );
  }
}

/** Trims; empty text clears the field (null). */
export function text(
  field: string,
  value: string | null | undefined,
  max: number,
): string | null | undefined {
  if (value == null) return value;
  const trimmed = value.trim();
  if (trimmed.length > max)
    throw new BadUserInputError(field, `${field} can have at most ${max} characters.`);
  return trimmed || null;
}
