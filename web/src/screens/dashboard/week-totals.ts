/** This week's totals per sport (the week from Monday in the athlete's time zone), from their workouts. */
import type { Sport } from '../../__generated__/enums';
import { localDateIn, mondayOf } from '../../format/dates';

export interface WorkoutFigures {
  sport: Sport;
  status: string;
  startedAt: string;
  distanceMeters?: number | null;
  movingSeconds?: number | null;
}

export interface SportTotals {
  sport: Sport;
  workouts: number;
  distanceMeters: number;
  movingSeconds: number;
}

/** The first day (a LocalDate) of the week holding `now` in the zone. */
export const weekStartIn = (timeZone: string, now = new Date()) => mondayOf(localDateIn(timeZone, now));

/** Whether the workout started on or after `weekStart` (a LocalDate), counted in the zone. */
export const startedInWeek = (startedAt: string, weekStart: string, timeZone: string) =>
  localDateIn(timeZone, new Date(startedAt)) >= weekStart;

/** Finished workouts of the week summed per sport, the sport with the most moving time first. */
export function weekTotalsBySport(
  workouts: readonly WorkoutFigures[],
  weekStart: string,
  timeZone: string,
): SportTotals[] {
  const totals = new Map<Sport, SportTotals>();
  for (const workout of workouts) {
    if (workout.status !== 'FINISHED' || !startedInWeek(workout.startedAt, weekStart, timeZone)) continue;
    const sport = totals.get(workout.sport) ?? {
      sport: workout.sport,
      workouts: 0,
      distanceMeters: 0,
      movingSeconds: 0,
    };
    sport.workouts += 1;
    sport.distanceMeters += workout.distanceMeters ?? 0;
    sport.movingSeconds += workout.movingSeconds ?? 0;
    totals.set(workout.sport, sport);
  }
  return [...totals.values()].sort(
    (a, b) => b.movingSeconds - a.movingSeconds || b.distanceMeters - a.distanceMeters,
  );
}

/**
 * Whether the list (newest first) may stop before the week does: its oldest workout is still in the week and
 * more pages follow, so the totals need the next page.
 */
export function weekNeedsMore(
  workouts: readonly Pick<WorkoutFigures, 'startedAt'>[],
  hasNextPage: boolean,
  weekStart: string,
  timeZone: string,
): boolean {
  const oldest = workouts.at(-1);
  return hasNextPage && oldest !== undefined && startedInWeek(oldest.startedAt, weekStart, timeZone);
}
