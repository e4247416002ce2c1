/**
 * The XP table: per sport, points per kilometre, per minute in motion and per 100 m climbed, and the most
 * of each figure one workout may count (the caps that stop a 20-hour "ride" from farming XP). Kilometres
 * weigh what an effort costs in that sport: a swum kilometre is worth four run ones, a ridden one a
 * quarter. Figures the sport cannot measure honestly earn nothing (lift-served ski descents, treadmill or
 * trainer "elevation", strength-training distance). See README.md for the table in prose.
 */
import type { Sport } from '../../../../lib/sports';

export interface XpRule {
  perKm: number;
  perMovingMinute: number;
  perHundredMetersClimbed: number;
  /** Distance beyond this counts nothing (km). */
  maxKm: number;
  /** Moving time beyond this counts nothing (minutes). */
  maxMovingMinutes: number;
  /** Elevation gain beyond this counts nothing (m). */
  maxClimbMeters: number;
}

const rule = (
  perKm: number,
  perMovingMinute: number,
  perHundredMetersClimbed: number,
  maxKm: number,
  maxMovingMinutes: number,
  maxClimbMeters: number,
): XpRule => ({ perKm, perMovingMinute, perHundredMetersClimbed, maxKm, maxMovingMinutes, maxClimbMeters });

const run = rule(10, 1, 10, 60, 360, 3000);
const walk = rule(5, 0.5, 10, 50, 600, 3000);
const ride = rule(2.5, 1, 5, 250, 600, 5000);
const swim = rule(40, 1, 0, 10, 240, 0);
const paddle = rule(5, 1, 0, 50, 360, 0);
const timeOnly = (perMovingMinute: number, maxMovingMinutes: number) =>
  rule(0, perMovingMinute, 0, 0, maxMovingMinutes, 0);

export const XP_RULES: Readonly<Record<Sport, XpRule>> = {
  RUN: run,
  TRAIL_RUN: run,
  TREADMILL_RUN: rule(10, 1, 0, 50, 300, 0),
  WALK: walk,
  HIKE: walk,
  RIDE: ride,
  MOUNTAIN_BIKE_RIDE: ride,
  GRAVEL_RIDE: ride,
  E_BIKE_RIDE: rule(1, 0.5, 2, 200, 480, 4000),
  VIRTUAL_RIDE: rule(2.5, 1, 0, 200, 300, 0),
  POOL_SWIM: swim,
  OPEN_WATER_SWIM: swim,
  ROW: paddle,
  INDOOR_ROW: paddle,
  KAYAK: paddle,
  STAND_UP_PADDLE: paddle,
  NORDIC_SKI: rule(4, 1, 5, 100, 480, 3000),
  ALPINE_SKI: timeOnly(0.5, 480),
  SNOWBOARD: timeOnly(0.5, 480),
  INLINE_SKATE: rule(3, 1, 0, 100, 360, 0),
  WHEELCHAIR: rule(10, 1, 10, 60, 360, 3000),
  ELLIPTICAL: timeOnly(1, 180),
  STRENGTH_TRAINING: timeOnly(1, 180),
  YOGA: timeOnly(0.75, 180),
  OTHER: timeOnly(0.75, 240),
};

/** Limits that apply to every sport. */
export const XP_LIMITS = {
  /**
   * Track flags that do not touch distance, time or elevation (sensor readings left out of other
   * metrics): a track with only these still earns XP. Any other flag, known or new, refuses the workout.
   */
  harmlessTrackFlags: [
    'HEART_RATE_OUT_OF_RANGE',
    'CADENCE_OUT_OF_RANGE',
    'POWER_OUT_OF_RANGE',
  ] as readonly string[],
  /** Faster average climbing than this is a barometer or GPS artefact (a vertical-km record is ~2 100 m/h). */
  maxClimbMetersPerHour: 3000,
} as const;
