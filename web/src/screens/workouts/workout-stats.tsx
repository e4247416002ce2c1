/** A workout's headline figures, in the athlete's units. */
import { formatDistance, formatDuration, formatElevation, formatSpeed } from '../../format/units';
import { usePreferences } from '../../settings/preferences';
import { formatCalories, formatHeartRate } from '../../format/units';
import { paceOrSpeed, showsSpeed } from './workout-figures';
import type { ShownWorkout } from './workout-types';
import { Stat } from '../../ui/stat';

export function WorkoutStats({ workout }: { workout: ShownWorkout }) {
  const { units } = usePreferences();
  const { metrics } = workout;
  const rate = paceOrSpeed(workout.sport, workout.distanceMeters, workout.movingSeconds, units);
  const heartRate = metrics?.heartRate;
  const calories = workout.calories ?? metrics?.calories;
  return (
    <dl className="stats">
      <Stat
        label="Distance"
        testId="workout-distance"
        value={formatDistance(workout.distanceMeters, units)}
      />
      <Stat label="Moving time" testId="workout-moving-time" value={formatDuration(workout.movingSeconds)} />
      <Stat
        label="Elapsed time"
        testId="workout-elapsed-time"
        value={formatDuration(workout.elapsedSeconds)}
      />
      <Stat label={rate.label} testId="workout-pace-or-speed" value={rate.value} />
      {showsSpeed(workout.sport) && metrics?.maxSpeedMps != null && (
        <Stat label="Max speed" testId="workout-max-speed" value={formatSpeed(metrics.maxSpeedMps, units)} />
      )}
      <Stat
        label="Elevation gain"
        testId="workout-elevation-gain"
        value={formatElevation(workout.elevationGainMeters, units)}
      />
      <Stat
        label="Average heart rate"
        testId="workout-average-heart-rate"
        value={formatHeartRate(heartRate?.average)}
      />
      <Stat label="Max heart rate" testId="workout-max-heart-rate" value={formatHeartRate(heartRate?.max)} />
      <Stat label="Calories" testId="workout-calories" value={formatCalories(calories)} />
    </dl>
  );
}
