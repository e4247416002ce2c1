/**
 * Estimates of a workout's mean heart-rate reserve fraction (HRr, 0..1) without a heart rate: from the
 * session RPE, from the average speed, or a per-sport default. The numbers are in load-config.ts.
 */
import { SPORT_TAXONOMY, type Sport } from '../../../../lib/sports';
import { DEFAULT_RESERVE, PACE, REFERENCE_SPEED_MPS, SESSION_RPE } from './load-config';

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const isPositive = (value: number) => Number.isFinite(value) && value > 0;

/** The sport, or OTHER for a name Pulse does not know (own keys only: 'constructor' is no sport). */
export function knownSport(sport: string): Sport {
  return Object.hasOwn(SPORT_TAXONOMY, sport) ? (sport as Sport) : 'OTHER';
}

/** HRr from a Borg CR-10 session RPE (finite, ≥ 0): RPE / 10 clamped to [0.1, 1]. */
export function reserveFromRpe(sessionRpe: number): number {
  return clamp(sessionRpe / SESSION_RPE.scaleMax, SESSION_RPE.minReserve, SESSION_RPE.maxReserve);
}

/**
 * HRr from the average speed, clamped to [0.3, 0.95]; null when the sport's speed says little about effort
 * or the distance or the time is not a positive finite number.
 */
export function reserveFromPace(sport: string, distanceMeters: number, seconds: number): number | null {
  const referenceSpeed = REFERENCE_SPEED_MPS[knownSport(sport)];
  if (referenceSpeed === null || !isPositive(distanceMeters) || !isPositive(seconds)) return null;
  const speed = distanceMeters / seconds;
  const reserve = (PACE.reserveAtReferenceSpeed * speed) / referenceSpeed;
  return clamp(reserve, PACE.minReserve, PACE.maxReserve);
}

/** HRr assumed from the sport alone. */
export function defaultReserve(sport: string): number {
  return DEFAULT_RESERVE[knownSport(sport)];
}
