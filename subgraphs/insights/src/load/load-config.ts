/**
 * Every number behind a workout's training load, in one place. The load is in AU (arbitrary units) on the
 * Banister TRIMP scale, whichever way it was found, so that a day of heart-rate runs and a day of
 * RPE-rated strength sessions add up on one scale.
 *
 * Changing ANY value here means bumping `LOAD_MODEL_VERSION`: it is stored with every computed load, so
 * loads computed with older numbers can be found and recomputed.
 */
import type { Sport } from '../../../../lib/sports';

export const LOAD_MODEL_VERSION = 'workout-load@1';

/** Banister weighting y = factor · e^(exponent · HRr). */
export interface BanisterCoefficients {
  factor: number;
  exponent: number;
}

/**
 * Copied from training's metrics-config (`trimp`), not imported (contexts share no code): Banister (1991)
 * male 0.64·e^(1.92·HRr), female 0.86·e^(1.67·HRr). The sex of the athlete is unknown here, so the
 * weighting is the mean of both, as training's TRIMP does for an unknown sex (`unknownSex: 'MEAN_OF_BOTH'`).
 */
export const BANISTER_WEIGHTINGS: { male: BanisterCoefficients; female: BanisterCoefficients } = {
  male: { factor: 0.64, exponent: 1.92 },
  female: { factor: 0.86, exponent: 1.67 },
};

/**
 * Session RPE (Borg CR-10) → heart-rate reserve fraction: HRr = RPE / 10, clamped. An approximation: the
 * CR-10 scale is built to rise roughly linearly with effort, and session RPE tracks heart-rate-based load
 * closely (Foster et al. 2001). The result is a TRIMP-equivalent load, NOT Foster's session-RPE load
 * (RPE × minutes), which is on another scale.
 */
export const SESSION_RPE = { scaleMax: 10, minReserve: 0.1, maxReserve: 1 } as const;

/**
 * Speed → heart-rate reserve fraction: HRr = reserveAtReferenceSpeed × speed / referenceSpeed, clamped.
 * Linear in speed (heart rate rises roughly linearly with running speed), so the reference "moderate
 * effort" speed sits at 60 % HRR; the clamp keeps a stroll and a downhill above and below plausible.
 */
export const PACE = { reserveAtReferenceSpeed: 0.6, minReserve: 0.3, maxReserve: 0.95 } as const;

/**
 * A moderate-effort average speed per sport, m/s; null where speed says little about effort, and the
 * sport falls back to its default intensity: speed-less indoor sports, gravity-driven descents (alpine ski,
 * snowboard), motor-assisted rides, wheelchairs (everyday and racing chairs differ fivefold) and OTHER.
 */
export const REFERENCE_SPEED_MPS: Readonly<Record<Sport, number | null>> = {
  RUN: 2.8,
  TRAIL_RUN: 2.8,
  TREADMILL_RUN: 2.8,
  WALK: 1.4,
  HIKE: 1.4,
  RIDE: 7,
  // Rough ground rolls slower for the same effort.
  MOUNTAIN_BIKE_RIDE: 5,
  GRAVEL_RIDE: 6,
  E_BIKE_RIDE: null,
  VIRTUAL_RIDE: 7,
  POOL_SWIM: 0.8,
  OPEN_WATER_SWIM: 0.8,
  ROW: 3,
  INDOOR_ROW: 3,
  KAYAK: 3,
  STAND_UP_PADDLE: 1.5,
  NORDIC_SKI: 3,
  ALPINE_SKI: null,
  SNOWBOARD: null,
  INLINE_SKATE: 5,
  WHEELCHAIR: null,
  ELLIPTICAL: null,
  STRENGTH_TRAINING: null,
  YOGA: null,
  OTHER: null,
};

/** Heart-rate reserve fraction assumed from the duration alone (no heart rate, RPE or usable pace). */
export const DEFAULT_RESERVE: Readonly<Record<Sport, number>> = {
  RUN: 0.55,
  TRAIL_RUN: 0.55,
  TREADMILL_RUN: 0.55,
  WALK: 0.4,
  HIKE: 0.5,
  RIDE: 0.55,
  MOUNTAIN_BIKE_RIDE: 0.55,
  GRAVEL_RIDE: 0.55,
  E_BIKE_RIDE: 0.45,
  VIRTUAL_RIDE: 0.55,
  POOL_SWIM: 0.55,
  OPEN_WATER_SWIM: 0.55,
  ROW: 0.55,
  INDOOR_ROW: 0.55,
  KAYAK: 0.55,
  STAND_UP_PADDLE: 0.55,
  NORDIC_SKI: 0.55,
  ALPINE_SKI: 0.55,
  SNOWBOARD: 0.55,
  INLINE_SKATE: 0.55,
  WHEELCHAIR: 0.55,
  ELLIPTICAL: 0.55,
  STRENGTH_TRAINING: 0.5,
  YOGA: 0.3,
  OTHER: 0.55,
};
