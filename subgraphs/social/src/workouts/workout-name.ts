/**
 * The name a workout is shown by: its title, else the part of the day it started in the athlete's zone and
 * its sport, as the apps show it ("Morning Run", "Evening Ride").
 */
const PARTS = [
  [5, 'Night'],
  [12, 'Morning'],
  [14, 'Lunch'],
  [18, 'Afternoon'],
  [22, 'Evening'],
  [24, 'Night'],
] as const;

/** RUN → "Run", MOUNTAIN_BIKE_RIDE → "Mountain Bike Ride", OTHER → "Workout". */
const sportLabel = (sport: string) =>
  sport === 'OTHER'
    ? 'Workout'
    : sport
        .toLowerCase()
        .split('_')
        .map((word) => word[0]!.toUpperCase() + word.slice(1))
        .join(' ');

export function workoutName(
  workout: { title: string | null; sport: string; startedAt: Date },
  timeZone: string,
): string {
  if (workout.title?.trim()) return workout.title.trim();
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(
      workout.startedAt,
    ),
  );
  const part = PARTS.find(([until]) => hour < until)![1];
  return `${part} ${sportLabel(workout.sport)}`;
}
