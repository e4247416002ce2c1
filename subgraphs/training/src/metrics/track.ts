/**
 * A workout's track as the metrics engine reads it: samples in recording order (by the client's sequence
 * number, or file order), each with its time and whatever channels the device recorded (null = not recorded).
 */
export interface TrackSample {
  /** Milliseconds since the epoch; null when the source had no time for this point (some GPX files). */
  time: number | null;
  /** Degrees (WGS 84). */
  latitude: number | null;
  longitude: number | null;
  /** Metres above sea level. */
  altitude: number | null;
  /** Beats per minute. */
  heartRate: number | null;
  /** Revolutions (cycling) or steps (running) per minute. */
  cadence: number | null;
  /** Watts. */
  power: number | null;
  /** m/s as the device measured it (wheel sensor, foot pod, GPS chip). */
  speed: number | null;
  /** Degrees Celsius. */
  temperature: number | null;
}

/** A pause the athlete (or the device's auto-pause) recorded: [from, to) in ms since the epoch. */
export interface PauseInterval {
  from: number;
  to: number;
}

export interface Track {
  samples: TrackSample[];
  /** Device pause events: time inside them is neither moving time nor distance for speed purposes. */
  pauses: PauseInterval[];
  /**
   * Indices of samples that begin a new segment (GPX trkseg/trk, TCX laps with a gap, the first sample
   * after a device pause): no distance or time is counted from the sample before to this one.
   */
  segmentStarts?: number[];
  /** True when altitude comes from a barometric sensor (trusted: lighter smoothing, see the config). */
  barometricAltitude?: boolean;
  /** Energy the device reported, in kcal; used instead of the MET estimate when present. */
  deviceCalories?: number | null;
  /** Workout bounds when known (a recording's start/finish); otherwise the first/last timed sample. */
  startedAt?: number | null;
  finishedAt?: number | null;
}

/** What the engine needs to know about the athlete; every field is optional and has a documented default. */
export interface AthleteProfile {
  maxHeartRate?: number | null;
  restingHeartRate?: number | null;
  weightKg?: number | null;
  /** Used for the default max HR (220 − age) when maxHeartRate is unknown. */
  birthYear?: number | null;
  sex?: 'FEMALE' | 'MALE' | null;
}

export const emptySample = (time: number | null): TrackSample => ({
  time,
  latitude: null,
  longitude: null,
  altitude: null,
  heartRate: null,
  cadence: null,
  power: null,
  speed: null,
  temperature: null,
});
