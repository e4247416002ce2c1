/**
 * The training load of one workout, in AU on the Banister TRIMP scale, from the best source it has:
 *
 * 1. HEART_RATE: the workout's TRIMP, as training computed it from the heart-rate track;
 * 2. SESSION_RPE: the athlete's Borg CR-10 rating → HRr = RPE / 10;
 * 3. PACE: the average speed against the sport's moderate-effort speed → HRr;
 * 4. DURATION: the sport's default HRr.
 *
 * 2–4 estimate a steady heart-rate reserve fraction and put it through Banister's formula over the
 * duration (moving time, else elapsed time), so every method yields TRIMP-equivalent loads that add up on
 * one scale. Values that are not finite or are negative count as missing. Without a duration the load is 0,
 * with the method the workout would have had (a PACE workout needs a duration: it is DURATION then).
 */
import { banisterLoad } from './banister-load';
import { defaultReserve, reserveFromPace, reserveFromRpe } from './reserve-estimates';

export type LoadMethod = 'HEART_RATE' | 'SESSION_RPE' | 'PACE' | 'DURATION';

export interface WorkoutLoadInput {
  sport: string;
  movingSeconds: number | null;
  elapsedSeconds: number | null;
  distanceMeters: number | null;
  /** Banister TRIMP from the heart-rate track (training's metrics), AU. */
  trimp: number | null;
  /** Session RPE on Borg's CR-10 scale, 0..10. */
  sessionRpe: number | null;
}

export interface WorkoutLoad {
  /** AU, TRIMP-equivalent; finite and ≥ 0. */
  load: number;
  method: LoadMethod;
}

/** The value when it is a finite number ≥ 0, otherwise null. */
const usable = (value: number | null): number | null =>
  value !== null && Number.isFinite(value) && value >= 0 ? value : null;

/** A workout's training load and the method that found it. */
export function workoutLoad(input: WorkoutLoadInput): WorkoutLoad {
  const trimp = usable(input.trimp);
  if (trimp !== null) return { load: trimp, method: 'HEART_RATE' };

  const seconds = usable(input.movingSeconds) ?? usable(input.elapsedSeconds) ?? 0;
  const minutes = seconds / 60;
  const sessionRpe = usable(input.sessionRpe);
  if (sessionRpe !== null) {
    return { load: banisterLoad(minutes, reserveFromRpe(sessionRpe)), method: 'SESSION_RPE' };
  }

  const distance = usable(input.distanceMeters);
  const paceReserve = distance === null ? null : reserveFromPace(input.sport, distance, seconds);
  if (paceReserve !== null) return { load: banisterLoad(minutes, paceReserve), method: 'PACE' };

  return { load: banisterLoad(minutes, defaultReserve(input.sport)), method: 'DURATION' };
}
