/**
 * XP for one workout: distance, moving time and elevation weighted per sport (XP_RULES), each figure
 * capped, floored to whole points. A workout that cannot be trusted earns 0 with the reason: a track
 * flag that touches its figures, an average speed above the sport's plausible maximum (lib/sports), a
 * climb rate no athlete reaches, or figures that are not finite non-negative numbers. The same test
 * decides whether a workout counts toward achievements and challenges (`isRewardable`).
 */
import { SPORT_TAXONOMY } from '../../../../lib/sports';
import type { WorkoutFact } from '../workout-facts/workout-fact';
import { XP_LIMITS, XP_RULES } from './xp-rules';

export interface XpAward {
  /** Always `breakdown.distance + breakdown.time + breakdown.elevation`. */
  points: number;
  breakdown: { distance: number; time: number; elevation: number };
  /** True when a cap cut one of the figures. */
  capped: boolean;
  /** Why the workout earns nothing (`CODE: explanation`), null when it is rewarded. */
  refusedReason: string | null;
}

const kmh = (metersPerSecond: number) => (metersPerSecond * 3.6).toFixed(1);

function refusal(reason: string): XpAward {
  return {
    points: 0,
    breakdown: { distance: 0, time: 0, elevation: 0 },
    capped: false,
    refusedReason: reason,
  };
}

/** Why a workout must not be rewarded, or null when it may be. */
export function refusalReason(fact: WorkoutFact): string | null {
  const { distanceMeters, movingSeconds, elevationGainMeters } = fact;
  for (const [name, value] of Object.entries({ distanceMeters, movingSeconds, elevationGainMeters })) {
    if (value !== null && !(Number.isFinite(value) && value >= 0)) {
      return `INVALID_FIGURES: ${name} is ${value}; figures must be finite and not negative.`;
    }
  }
  const flags = [...new Set(fact.trackFlags)].filter((flag) => !XP_LIMITS.harmlessTrackFlags.includes(flag));
  if (flags.length > 0) {
    return `FLAGGED_TRACK: the track is flagged ${flags.join(', ')}; flagged tracks earn no XP.`;
  }
  const distance = fact.distanceMeters ?? 0;
  const seconds = fact.movingSeconds;
  const maxSpeed = SPORT_TAXONOMY[fact.sport].maxPlausibleSpeedMps;
  if (distance > 0 && seconds !== null && (seconds === 0 || distance / seconds > maxSpeed)) {
    const speed = seconds === 0 ? 'no moving time' : `an average of ${kmh(distance / seconds)} km/h`;
    return `IMPLAUSIBLE_SPEED: ${(distance / 1000).toFixed(2)} km in ${speed} is faster than the ${kmh(maxSpeed)} km/h plausible for ${fact.sport}.`;
  }
  const climb = elevationGainMeters ?? 0;
  const climbCounts = XP_RULES[fact.sport].perHundredMetersClimbed > 0;
  if (climbCounts && climb > 0 && seconds !== null) {
    const perHour = seconds === 0 ? Infinity : (climb / seconds) * 3600;
    if (perHour > XP_LIMITS.maxClimbMetersPerHour) {
      return `IMPLAUSIBLE_CLIMB: ${climb} m climbed in ${seconds} s is more than ${XP_LIMITS.maxClimbMetersPerHour} m per hour.`;
    }
  }
  return null;
}

/** True when the workout earns XP and counts toward achievements, streaks and challenges. */
export function isRewardable(fact: WorkoutFact): boolean {
  return refusalReason(fact) === null;
}

/** The XP a workout earns, with its breakdown; 0 and the reason when it cannot be trusted. */
export function xpFor(fact: WorkoutFact): XpAward {
  const reason = refusalReason(fact);
  if (reason !== null) return refusal(reason);
  const rule = XP_RULES[fact.sport];
  let capped = false;
  const weigh = (value: number, cap: number, weight: number) => {
    if (weight === 0) return 0;
    if (value > cap) capped = true;
    // The epsilon keeps 2.9 km × 10 (28.999… in binary) at 29 points.
    return Math.floor(Math.min(value, cap) * weight + 1e-9);
  };
  const breakdown = {
    distance: weigh((fact.distanceMeters ?? 0) / 1000, rule.maxKm, rule.perKm),
    time: weigh((fact.movingSeconds ?? 0) / 60, rule.maxMovingMinutes, rule.perMovingMinute),
    elevation: weigh(
      (fact.elevationGainMeters ?? 0) / 100,
      rule.maxClimbMeters / 100,
      rule.perHundredMetersClimbed,
    ),
  };
  return {
    points: breakdown.distance + breakdown.time + breakdown.elevation,
    breakdown,
    capped,
    refusedReason: null,
  };
}
