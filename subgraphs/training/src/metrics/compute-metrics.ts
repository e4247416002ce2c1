/**
 * The workout metrics engine: a pure function from a sport, a track and an athlete profile to the figures
 * stored with the workout. Each concern lives in its own module; this file only composes them and rounds.
 */
import { SPORT_TAXONOMY, type Sport } from '../../../../lib/sports';
import { computeBestEfforts } from './best-efforts';
import { computeCadence } from './cadence';
import { computeCalories } from './calories';
import { measureDistance } from './distance';
import { timedPositionIndices } from './distance-series';
import { computeElevation } from './elevation';
import { buildFlags } from './flags';
import { computeHeartRate } from './heart-rate';
import { resolveHeartRateLimits } from './heart-rate-limits';
import { METRICS_CONFIG, type MetricsConfig } from './metrics-config';
import { selectMotionSource } from './motion-source';
import { computeMovingTime } from './moving-time';
import { computePower } from './power';
import { roundOrNull, roundTo } from './rounding';
import { averageSpeedMps, maxWindowedSpeedMps, paceSecondsPerKm } from './speed';
import { computeSplits, type SplitInputs } from './splits';
import { levelWhileStopped, withoutStops } from './stop-path';
import { detectStops } from './stops';
import type { AthleteProfile, Track } from './track';
import { computeTrimp } from './trimp';
import { validateTrack } from './validate-track';
import { workoutClock } from './workout-clock';
import type { WorkoutMetrics } from './workout-metrics';

export function computeMetrics(
  sport: Sport,
  track: Track,
  athlete: AthleteProfile,
  config: MetricsConfig = METRICS_CONFIG,
): WorkoutMetrics {
  const { movingSpeedThresholdMps, maxPlausibleSpeedMps } = SPORT_TAXONOMY[sport];
  const maxGapMs = config.time.maxContinuousGapSeconds * 1000;
  const { rounding } = config;

  const validated = validateTrack(track, maxPlausibleSpeedMps, config);
  const recorded = measureDistance(validated, maxPlausibleSpeedMps, config);
  const clock = workoutClock(track, validated);
  // Every figure below reads the path without its stops (GPS scatter while standing still).
  const stops = clock ? detectStops(validated, recorded, movingSpeedThresholdMps, maxGapMs, config) : [];
  const distance = withoutStops(validated, recorded, stops);
  const motion = clock ? selectMotionSource(validated, distance, maxGapMs) : null;
  const moving = clock
    ? computeMovingTime(validated, clock, motion, stops, movingSpeedThresholdMps, config)
    : null;
  const movingSeconds = moving ? moving.totalSeconds : null;
  const averageSpeed = motion ? averageSpeedMps(motion.totalMeters, movingSeconds) : null;
  const maxSpeed = motion ? maxWindowedSpeedMps(validated, motion, config.speed.maxSpeedWindowSeconds) : null;

  const levelled = { ...validated, altitude: levelWhileStopped(validated, stops) };
  const elevation = computeElevation(levelled, track.barometricAltitude === true, config);
  const limits = resolveHeartRateLimits(athlete, clock ? clock.startMs : null, config);
  const heartRate = computeHeartRate(validated, limits, maxGapMs, config);
  const trimp = heartRate ? computeTrimp(validated, limits, athlete.sex, maxGapMs, config) : null;
  const calories = computeCalories(
    sport,
    track.deviceCalories,
    movingSeconds,
    averageSpeed,
    athlete.weightKg,
    config,
  );

  const positions = timedPositionIndices(validated, distance);
  const splitInputs: SplitInputs | null =
    clock && moving
      ? {
          indices: positions,
          time: validated.time,
          cumulativeMeters: distance.cumulative,
          cumulativeMoving: moving.cumulative,
          cumulativeGain: elevation ? elevation.cumulativeGain : null,
          cumulativeBeatSeconds: heartRate ? heartRate.cumulativeBeatSeconds : null,
          cumulativeHeartRateSeconds: heartRate ? heartRate.cumulativeSeconds : null,
        }
      : null;

  return {
    version: config.version,
    distanceMeters: roundTo(distance.totalMeters, rounding.meters),
    elapsedSeconds: clock ? roundTo(clock.elapsedSeconds, rounding.seconds) : null,
    movingSeconds: roundOrNull(movingSeconds, rounding.seconds),
    averageSpeedMps: roundOrNull(averageSpeed, rounding.speedMps),
    maxSpeedMps: roundOrNull(maxSpeed, rounding.speedMps),
    averagePaceSecondsPerKm: roundOrNull(paceSecondsPerKm(averageSpeed), rounding.paceSecondsPerKm),
    elevationGainMeters: elevation ? roundTo(elevation.gainMeters, rounding.meters) : null,
    elevationLossMeters: elevation ? roundTo(elevation.lossMeters, rounding.meters) : null,
    minElevationMeters: elevation ? roundTo(elevation.minMeters, rounding.meters) : null,
    maxElevationMeters: elevation ? roundTo(elevation.maxMeters, rounding.meters) : null,
    heartRate: heartRate ? heartRate.metrics : null,
    cadence: computeCadence(validated, maxGapMs, config),
    power: computePower(validated, maxGapMs, config),
    calories: calories ? roundTo(calories.kcal, rounding.kcal) : null,
    caloriesSource: calories ? calories.source : null,
    trimp: roundOrNull(trimp, rounding.trimp),
    splits: {
      kilometre: splitInputs ? computeSplits(splitInputs, config.splits.kilometreMeters, config) : [],
      mile: splitInputs ? computeSplits(splitInputs, config.splits.mileMeters, config) : [],
    },
    bestEfforts:
      clock && positions.length >= 2
        ? computeBestEfforts(
            {
              indices: positions,
              time: validated.time,
              cumulativeMeters: distance.cumulative,
              workoutStartMs: clock.startMs,
            },
            config,
          )
        : [],
    flags: buildFlags(
      { ...validated.tallies, ...(distance.speedJumps && { SPEED_JUMP: distance.speedJumps }) },
      config,
      maxPlausibleSpeedMps,
    ),
  };
}
