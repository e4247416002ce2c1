/** A feed item's figures in the reader's units: distance, duration, and pace on foot or speed otherwise. */
import type { Sport } from '../../__generated__/enums';
import { formatDistance, formatDuration, formatPace, formatSpeed, type Units } from '../../format/units';

/** Sports whose athletes think in minutes per kilometre (or mile) rather than in speed. */
const PACE_SPORTS = new Set<Sport>(['RUN', 'TRAIL_RUN', 'TREADMILL_RUN', 'WALK', 'HIKE']);

export interface WorkoutFigure {
  label: string;
  value: string;
}

export function workoutFigures(
  workout: {
    sport: Sport;
    distanceMeters?: number | null;
    movingSeconds?: number | null;
    elapsedSeconds?: number | null;
  },
  units: Units,
): WorkoutFigure[] {
  const seconds = workout.movingSeconds ?? workout.elapsedSeconds ?? null;
  const figures: WorkoutFigure[] = [];
  if (workout.distanceMeters != null && workout.distanceMeters > 0) {
    figures.push({ label: 'Distance', value: formatDistance(workout.distanceMeters, units) });
  }
  if (seconds != null) figures.push({ label: 'Duration', value: formatDuration(seconds) });
  if (workout.distanceMeters && seconds) {
    figures.push(
      PACE_SPORTS.has(workout.sport)
        ? { label: 'Pace', value: formatPace(seconds / (workout.distanceMeters / 1_000), units) }
        : { label: 'Speed', value: formatSpeed(workout.distanceMeters / seconds, units) },
    );
  }
  return figures;
}
