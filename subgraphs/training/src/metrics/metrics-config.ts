/**
 * Every tunable parameter of the workout metrics engine, in one object.
 *
 * Changing ANY value here means bumping `version`: the version is stored with every computed metric, and the
 * recompute command re-runs the workouts whose metrics were computed with an older version.
 */
import type { Sport } from '../../../../lib/sports';

/** MET of an activity from a given average moving speed upwards (km/h). */
export interface MetSpeedBand {
  fromKmh: number;
  met: number;
}

/** MET of a sport: `met` when the speed is unknown or the sport has no speed bands. */
export interface MetEntry {
  met: number;
  /** Ascending by `fromKmh`; the last band whose `fromKmh` ≤ the average moving speed applies. */
  bySpeedKmh?: readonly MetSpeedBand[];
}

export interface BestEffortTarget {
  name: string;
  distanceMeters: number;
}

/** Banister weighting y = factor · e^(exponent · HRr). */
export interface TrimpCoefficients {
  factor: number;
  exponent: number;
}

export interface ValueRange {
  min: number;
  max: number;
}

export interface MetricsConfig {
  version: number;
  /** Haversine sphere radius (WGS 84 equatorial radius), metres. */
  earthRadiusMeters: number;
  coordinates: {
    /** Treat exactly (0, 0) ("null island", an unset fix) as out of range. */
    rejectNullIsland: boolean;
  };
  time: {
    /** A longer step between two samples counts as stopped, and is left out of HR, cadence and power time. */
    maxContinuousGapSeconds: number;
  };
  /**
   * The step rule of moving time, applied outside stops (gpxpy's "stopped speed threshold", judged over a
   * few steps as Strava judges a windowed speed): a step between two fixes is moving when the median speed
   * of the steps around it reaches the sport's `movingSpeedThresholdMps`. A median keeps a change of pace
   * at the step where it happens, and a single step that cuts a switchback short (its chord far shorter
   * than the path) does not stop a hiker. Speeds are read along the path without stops.
   */
  moving: {
    /** The steps whose middles lie within ±half this many seconds of the step's enter the median. */
    windowSeconds: number;
    /** At most this many steps on either side (dense tracks); a sparse track's steps are judged alone. */
    maxStepsEachSide: number;
  };
  /**
   * Stops (`stops.ts`, `stop-judge.ts`, `stop-stillness.ts`): stretches where the athlete stood still while
   * the fixes scattered round one point. One step's implied speed cannot tell them (±3 m of scatter is
   * metres a second, above every sport's threshold); a speed fitted over a window and a radius held over
   * time can. A stop is taken out of the path: entry → centre, held from arrival to departure, centre →
   * exit. Distance, moving time, speeds, splits, best efforts and elevation all read that path (the
   * altitude is held at the median of the altitudes recorded while standing).
   *
   * 1. Seeds: a speed fitted by least squares through the fixes within ±`windowSeconds`/2 of each fix (at
   *    least `minWindowSamples`, else no stop is sought there: sparse tracks keep the step rule alone).
   *    Fixes fitted below max(threshold, `seedSpeedMps`) are judged, stillest first.
   * 2. Cluster: centre = median of the seed's window; fixes within `radiusMeters` of it on either side join
   *    (a run of up to `outlierSamples` stray fixes further out does not end it).
   * 3. Arrival/departure: the approach speed is measured beyond the cluster (`approachSeconds`, at least 6
   *    steps; median step speed, or straight-line speed if the path jitters). The approach is followed
   *    towards the centre while each step continues it (speed within ×2, velocity change below
   *    `smoothnessRatio` × speed, one corner allowed; within `scatterMeters` of the centre ×4/3, half the
   *    change, no corner) and the path walked matches the time at that speed (`pathToleranceMeters` or
   *    10 %). From the innermost such fix the rest of the way to the centre, along the direction of
   *    travel, is covered at the approach speed: that is the arrival (departure alike). A walk through
   *    (a switchback, a U-turn) arrives and leaves at the same moment.
   * 4. `refinements` times: centre = median of the fixes between arrival and departure; the radii widen
   *    with the scatter seen there (median distance from the centre / `typicalScatterMeters`, at most
   *    `maxWidening` times).
   * 5. A stop lasts at least `minSeconds`, its fixes do not move steadily (`driftSignificance`) and stand
   *    still: no movement at all, or scatter (mean velocity change at least `smoothnessRatio` times the mean
   *    speed: 1.4–1.7 for scatter, far less for a walk, a crawl, a U-turn). A run that ends (starts) in a
   *    cluster ends (starts) standing there unless it kept moving to its end. Two stops with nothing
   *    recorded between them and centres within `radiusMeters` are one (fixes that wandered off).
   */
  stops: {
    windowSeconds: number;
    minWindowSamples: number;
    seedSpeedMps: number;
    radiusMeters: number;
    scatterMeters: number;
    typicalScatterMeters: number;
    maxWidening: number;
    outlierSamples: number;
    approachSeconds: number;
    pathToleranceMeters: number;
    refinements: number;
    minSeconds: number;
    smoothnessRatio: number;
    driftSignificance: number;
  };
  speed: {
    /** Max speed is the fastest distance / time over at least this many seconds (GPS jitter suppression). */
    maxSpeedWindowSeconds: number;
    /** Slack added to maxPlausibleSpeed × Δt before a position is a SPEED_JUMP (GPS jitter at 1 Hz). */
    jumpToleranceMeters: number;
    /** After this many consecutive SPEED_JUMP rejections the next position is trusted (bad anchor fix). */
    reanchorAfterRejectedSamples: number;
  };
  altitude: {
    range: ValueRange;
    /** Centred median filter width, samples (odd). */
    medianWindowSamples: number;
    /**
     * Exponential low-pass, run forwards then backwards: smoothed += factor × (median − smoothed), with
     * factor = 1 − e^(−Δt/τ) for the time Δt since the previous sample (τ below) …
     */
    lowPassTimeConstantSeconds: number;
    /** … or this fixed factor between samples without time. */
    lowPassFactor: number;
    /** Reversal threshold before a climb or descent counts, metres. */
    hysteresisGpsMeters: number;
    hysteresisBarometricMeters: number;
  };
  heartRate: {
    range: ValueRange;
    /** Default max HR = intercept − age in the workout's year. */
    ageFormulaIntercept: number;
    /** Default max HR when the birth year (or the workout's date) is unknown. */
    defaultMaxBpm: number;
    defaultRestingBpm: number;
    /** Lower bound of zones 1-5 as fractions of the heart-rate reserve (Karvonen). */
    zoneLowerBoundsReserve: readonly number[];
  };
  /** rpm (cycling) or steps per minute (running). */
  cadence: { range: ValueRange };
  power: {
    range: ValueRange;
    /** Rolling window of normalized power, seconds (1 Hz samples). */
    normalizedWindowSeconds: number;
  };
  athlete: { defaultWeightKg: number };
  trimp: {
    male: TrimpCoefficients;
    female: TrimpCoefficients;
    /** Weighting when the athlete's sex is unknown. */
    unknownSex: 'MEAN_OF_BOTH' | 'MALE' | 'FEMALE';
  };
  /** Compendium of Physical Activities (2011), rounded; 1 MET = 1 kcal per kg per hour. */
  metBySport: Readonly<Record<Sport, MetEntry>>;
  splits: {
    kilometreMeters: number;
    mileMeters: number;
    /** A trailing partial split shorter than this is dropped. */
    minPartialMeters: number;
  };
  bestEfforts: readonly BestEffortTarget[];
  /** Output rounding steps (computation keeps full precision). */
  rounding: {
    meters: number;
    seconds: number;
    speedMps: number;
    paceSecondsPerKm: number;
    bpm: number;
    cadence: number;
    watts: number;
    kcal: number;
    trimp: number;
  };
}

const RUN_METS: readonly MetSpeedBand[] = [
  { fromKmh: 0, met: 6.0 },
  { fromKmh: 8, met: 8.3 },
  { fromKmh: 9.7, met: 9.8 },
  { fromKmh: 10.8, met: 10.5 },
  { fromKmh: 12.1, met: 11.8 },
  { fromKmh: 13.8, met: 12.8 },
  { fromKmh: 16.1, met: 14.5 },
  { fromKmh: 17.7, met: 16.0 },
  { fromKmh: 19.3, met: 19.0 },
];

const WALK_METS: readonly MetSpeedBand[] = [
  { fromKmh: 0, met: 2.8 },
  { fromKmh: 4, met: 3.5 },
  { fromKmh: 5.6, met: 4.3 },
  { fromKmh: 6.4, met: 5.0 },
  { fromKmh: 7.2, met: 7.0 },
];

const RIDE_METS: readonly MetSpeedBand[] = [
  { fromKmh: 0, met: 4.0 },
  { fromKmh: 16, met: 6.8 },
  { fromKmh: 19.3, met: 8.0 },
  { fromKmh: 22.5, met: 10.0 },
  { fromKmh: 25.7, met: 12.0 },
  { fromKmh: 30.6, met: 15.8 },
];

export const METRICS_CONFIG: MetricsConfig = {
  // 2: stops (fixes scattering while standing still) are taken out of distance, moving time, speeds, splits,
  // best efforts and elevation, and the step rule reads a median of steps (issue 12). 1: every step whose
  // implied speed reached the sport's threshold was moving.
  version: 2,
  earthRadiusMeters: 6_378_137,
  coordinates: { rejectNullIsland: true },
  time: { maxContinuousGapSeconds: 120 },
  moving: { windowSeconds: 12, maxStepsEachSide: 5 },
  stops: {
    // ±10 s: scatter of ±3 m moves a fitted speed by ~0.1 m/s at 1 Hz, ~0.15 m/s at 5 s sampling.
    windowSeconds: 20,
    minWindowSamples: 3,
    seedSpeedMps: 0.5,
    // Scatter of ±3 m lies within 4.3 m of the true point; with a centre off by ~1 m, 6 m holds it.
    radiusMeters: 6,
    scatterMeters: 4,
    // The median distance from the centre of ±3 m square scatter.
    typicalScatterMeters: 2.4,
    maxWidening: 3,
    outlierSamples: 1,
    approachSeconds: 10,
    pathToleranceMeters: 1,
    refinements: 3,
    minSeconds: 10,
    smoothnessRatio: 0.8,
    // A walk under noise fits at tens of standard errors; wandering scatter at a few.
    driftSignificance: 10,
  },
  speed: { maxSpeedWindowSeconds: 5, jumpToleranceMeters: 10, reanchorAfterRejectedSamples: 10 },
  altitude: {
    range: { min: -500, max: 9000 },
    medianWindowSamples: 3,
    lowPassTimeConstantSeconds: 5,
    lowPassFactor: 0.9,
    hysteresisGpsMeters: 2,
    hysteresisBarometricMeters: 1,
  },
  heartRate: {
    range: { min: 25, max: 250 },
    ageFormulaIntercept: 220,
    defaultMaxBpm: 190,
    defaultRestingBpm: 60,
    zoneLowerBoundsReserve: [0.5, 0.6, 0.7, 0.8, 0.9],
  },
  cadence: { range: { min: 0, max: 300 } },
  power: { range: { min: 0, max: 3000 }, normalizedWindowSeconds: 30 },
  athlete: { defaultWeightKg: 70 },
  trimp: {
    male: { factor: 0.64, exponent: 1.92 },
    female: { factor: 0.86, exponent: 1.67 },
    unknownSex: 'MEAN_OF_BOTH',
  },
  metBySport: {
    RUN: { met: 9.8, bySpeedKmh: RUN_METS },
    TRAIL_RUN: { met: 9.0 },
    TREADMILL_RUN: { met: 9.0, bySpeedKmh: RUN_METS },
    WALK: { met: 3.5, bySpeedKmh: WALK_METS },
    HIKE: { met: 6.0 },
    RIDE: { met: 7.5, bySpeedKmh: RIDE_METS },
    MOUNTAIN_BIKE_RIDE: { met: 8.5 },
    GRAVEL_RIDE: { met: 8.0 },
    E_BIKE_RIDE: { met: 5.5 },
    VIRTUAL_RIDE: { met: 6.8 },
    POOL_SWIM: { met: 7.0 },
    OPEN_WATER_SWIM: { met: 7.0 },
    ROW: { met: 5.8 },
    INDOOR_ROW: { met: 7.0 },
    KAYAK: { met: 5.0 },
    STAND_UP_PADDLE: { met: 6.0 },
    NORDIC_SKI: { met: 9.0 },
    ALPINE_SKI: { met: 5.3 },
    SNOWBOARD: { met: 5.3 },
    INLINE_SKATE: { met: 7.5 },
    WHEELCHAIR: { met: 5.0 },
    ELLIPTICAL: { met: 5.0 },
    STRENGTH_TRAINING: { met: 5.0 },
    YOGA: { met: 2.5 },
    OTHER: { met: 5.0 },
  },
  splits: { kilometreMeters: 1000, mileMeters: 1609.344, minPartialMeters: 1 },
  bestEfforts: [
    { name: '400m', distanceMeters: 400 },
    { name: '1k', distanceMeters: 1000 },
    { name: '1mile', distanceMeters: 1609.344 },
    { name: '5k', distanceMeters: 5000 },
    { name: '10k', distanceMeters: 10_000 },
    { name: 'half_marathon', distanceMeters: 21_097.5 },
    { name: 'marathon', distanceMeters: 42_195 },
  ],
  rounding: {
    meters: 0.1,
    seconds: 0.1,
    speedMps: 0.001,
    paceSecondsPerKm: 0.1,
    bpm: 0.1,
    cadence: 0.1,
    watts: 0.1,
    kcal: 1,
    trimp: 0.1,
  },
};
