/**
 * What the metrics engine computes for one workout. Stored as JSON with the workout together with the
 * version of the configuration it was computed with (`version`). SI units: metres, seconds, m/s, bpm, W.
 */
export interface WorkoutMetrics {
  /** METRICS_CONFIG.version used to compute these figures. */
  version: number;
  /**
   * 2D haversine distance over accepted samples, metres (R = 6 378 137 m), along the path without stops:
   * the fixes that scattered while the athlete stood still count as one point.
   */
  distanceMeters: number;
  /** First to last timed sample (or recording bounds when given), seconds; null without timestamps. */
  elapsedSeconds: number | null;
  /**
   * Elapsed minus stops (positions standing still, however they scattered; steps slower than the sport's
   * threshold) minus device pauses; null without timestamps.
   */
  movingSeconds: number | null;
  /** distance / moving time, m/s; null when unknown. */
  averageSpeedMps: number | null;
  /** Highest speed after spike rejection, m/s; null when unknown. */
  maxSpeedMps: number | null;
  /** Seconds per kilometre at the average speed; null when unknown. */
  averagePaceSecondsPerKm: number | null;
  elevationGainMeters: number | null;
  elevationLossMeters: number | null;
  minElevationMeters: number | null;
  maxElevationMeters: number | null;
  heartRate: HeartRateMetrics | null;
  cadence: { average: number; max: number } | null;
  power: { average: number; max: number; normalized: number | null } | null;
  /** kcal; from the device when it reported any, otherwise estimated from METs. */
  calories: number | null;
  caloriesSource: 'DEVICE' | 'MET' | null;
  /** Banister TRIMP; null without heart rate. */
  trimp: number | null;
  splits: { kilometre: Split[]; mile: Split[] };
  bestEfforts: BestEffort[];
  /** Problems found in the track; flagged samples are left out of the metrics they would corrupt. */
  flags: TrackFlag[];
}

export interface HeartRateMetrics {
  average: number;
  max: number;
  /** Max and resting HR used for zones and TRIMP, and whether they were the athlete's or defaults. */
  maxUsed: number;
  restingUsed: number;
  zones: HeartRateZone[];
}

export interface HeartRateZone {
  /** 1 to 5. */
  zone: number;
  minBpm: number;
  /** null for the top zone. */
  maxBpm: number | null;
  seconds: number;
}

export interface Split {
  /** 1-based index. */
  index: number;
  /** Metres covered in the split (the last one may be partial). */
  distanceMeters: number;
  elapsedSeconds: number;
  movingSeconds: number;
  elevationGainMeters: number;
  averageHeartRate: number | null;
}

export interface BestEffort {
  /** The standard name: '400m', '1k', '1mile', '5k', '10k', 'half_marathon', 'marathon'. */
  name: string;
  distanceMeters: number;
  /** Fastest time over that distance anywhere in the workout, seconds. */
  seconds: number;
  /** Offset of its start from the workout start, seconds. */
  startOffsetSeconds: number;
}

export type TrackFlagCode =
  | 'NON_MONOTONIC_TIME'
  | 'MISSING_TIME'
  | 'COORDINATES_OUT_OF_RANGE'
  | 'SPEED_JUMP'
  | 'HEART_RATE_OUT_OF_RANGE'
  | 'CADENCE_OUT_OF_RANGE'
  | 'POWER_OUT_OF_RANGE'
  | 'ALTITUDE_OUT_OF_RANGE'
  | 'SPEED_OUT_OF_RANGE';

export interface TrackFlag {
  code: TrackFlagCode;
  /** Samples concerned. */
  count: number;
  /** Index of the first sample concerned (in track order). */
  firstIndex: number;
  /** A sentence an athlete understands, naming what was left out of which metric. */
  message: string;
}
