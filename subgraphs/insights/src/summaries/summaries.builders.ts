/** Test data builders for the summaries: insights' workout copies and the figures of a period. */
import { v7 as uuidv7 } from 'uuid';
import type { InsightsWorkout } from '../workouts/workout.repo';
import type { SportFigures } from './period-totals';

/** A 10 km run of a new athlete on Friday 2026-11-20 (3500 s in motion, 50 m up, 60 AU). */
export const aWorkout = (overrides: Partial<InsightsWorkout> = {}): InsightsWorkout => ({
  id: uuidv7(),
  userId: uuidv7(),
  sport: 'RUN',
  startedAt: new Date(`${overrides.localDate ?? '2026-11-20'}T07:00:00Z`),
  localDate: '2026-11-20',
  movingSeconds: 3500,
  elapsedSeconds: 3600,
  distanceMeters: 10_000,
  elevationGainMeters: 50,
  trimp: null,
  sessionRpe: null,
  load: 60,
  method: 'PACE',
  bestEfforts: [],
  ...overrides,
});

/** One workout's worth of `sport` with `distanceMeters`, as stored in a period summary. */
export const someFigures = (sport: string, distanceMeters: number): SportFigures => ({
  sport,
  workouts: 1,
  distanceMeters,
  movingSeconds: Math.round(distanceMeters / 3),
  elevationGainMeters: 0,
  load: distanceMeters / 100,
});

export const anAthleteId = (): string => uuidv7();
