/**
 * The figures a period summary holds, summed from workouts: per sport and for every sport together (sport
 * key ALL_SPORTS, ''). A missing or impossible figure (null, negative, not finite) counts as 0; the time in
 * motion falls back to the elapsed time when training sent none, as the load estimate does.
 */
import { ALL_SPORTS } from '../timeline/daily-load.repo';
import type { InsightsWorkout } from '../workouts/workout.repo';

/** Totals of one period and sport. */
export interface PeriodFigures {
  workouts: number;
  distanceMeters: number;
  movingSeconds: number;
  elevationGainMeters: number;
  /** Training load, AU. */
  load: number;
}

/** The figures of one sport (ALL_SPORTS for the total). */
export interface SportFigures extends PeriodFigures {
  sport: string;
}

export type TotalledWorkout = Pick<
  InsightsWorkout,
  'sport' | 'distanceMeters' | 'movingSeconds' | 'elapsedSeconds' | 'elevationGainMeters' | 'load'
>;

export const NO_FIGURES: PeriodFigures = Object.freeze({
  workouts: 0,
  distanceMeters: 0,
  movingSeconds: 0,
  elevationGainMeters: 0,
  load: 0,
});

const usable = (value: number | null) =>
  value !== null && Number.isFinite(value) && value >= 0 ? value : null;

export function addFigures(a: PeriodFigures, b: PeriodFigures): PeriodFigures {
  return {
    workouts: a.workouts + b.workouts,
    distanceMeters: a.distanceMeters + b.distanceMeters,
    movingSeconds: a.movingSeconds + b.movingSeconds,
    elevationGainMeters: a.elevationGainMeters + b.elevationGainMeters,
    load: a.load + b.load,
  };
}

/** One workout's contribution. */
export function figuresOfWorkout(workout: TotalledWorkout): PeriodFigures {
  return {
    workouts: 1,
    distanceMeters: usable(workout.distanceMeters) ?? 0,
    movingSeconds: Math.round(usable(workout.movingSeconds) ?? usable(workout.elapsedSeconds) ?? 0),
    elevationGainMeters: usable(workout.elevationGainMeters) ?? 0,
    load: usable(workout.load) ?? 0,
  };
}

/** The totals of `workouts` (NO_FIGURES without any). */
export function figuresOf(workouts: readonly TotalledWorkout[]): PeriodFigures {
  return workouts.map(figuresOfWorkout).reduce(addFigures, NO_FIGURES);
}

/**
 * One entry per sport that has workouts, by sport name, then the ALL_SPORTS total; empty without workouts
 * (an empty period has no rows).
 */
export function figuresBySport(workouts: readonly TotalledWorkout[]): SportFigures[] {
  if (workouts.length === 0) return [];
  const sports = [...new Set(workouts.map((workout) => workout.sport))].sort();
  return [
    ...sports.map((sport) => ({
      sport,
      ...figuresOf(workouts.filter((workout) => workout.sport === sport)),
    })),
    { sport: ALL_SPORTS, ...figuresOf(workouts) },
  ];
}
