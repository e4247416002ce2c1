/**
 * A walk, a run or a ride told apart by how fast the track moves, for files that name no sport. Speeds
 * are measured over windows of at least `windowSeconds` (so one GPS fix's error hardly counts), within
 * track segments and outside device pauses; windows slower than `stoppedBelowMps` are stops and left out, so a
 * coffee break or a red light does not drag a ride down to a walk. The median of the remaining windows,
 * weighted by their time, names the sport; the 90th percentile tells a ride that climbs at a runner's
 * speed by its descents. Every threshold is in SPEED_RULES (and in the files README). A speed between two
 * sports, faster than a ride, or too little motion to judge decides nothing: the caller keeps OTHER.
 */
import type { Sport } from '../../../../lib/sports';
import { haversineMeters } from '../metrics/geo';
import type { PauseInterval, TrackSample } from '../metrics/track';
import { normalizePauses } from './samples';

/** Every number the inference uses, in m/s and seconds. */
export const SPEED_RULES = {
  /** Points are grouped into windows of at least this many seconds before their speed is taken. */
  windowSeconds: 10,
  /** Two points further apart in time than this are a gap (the device lost the signal, or slept). */
  maxGapSeconds: 120,
  /** A window slower than this (1.8 km/h) is a stop: GPS drift while standing is slower. */
  stoppedBelowMps: 0.5,
  /** Less time in motion than this is too little to judge. */
  minMovingSeconds: 120,
  /** A walk's median moving speed is at most this (6.8 km/h, a brisk walk). */
  walkMaxMedianMps: 1.9,
  /** A run's median moving speed lies in this range (8.3 to 16.6 km/h, 7:15 to 3:37 per km)… */
  runMinMedianMps: 2.3,
  runMaxMedianMps: 4.6,
  /** …unless its 90th percentile reaches this (28.8 km/h): no runner keeps that up, a bike downhill does. */
  runMaxP90Mps: 8,
  /** A ride's median moving speed is at least this (19.8 km/h). */
  rideMinMedianMps: 5.5,
  /** A median above this (60 km/h) is no ride: a car, a train. */
  rideMaxMedianMps: 16.7,
  /**
   * Nor is a median above 30 km/h with a 90th percentile above 55 km/h: a car between traffic lights. A
   * racing cyclist on the flat keeps the 90th percentile lower; an alpine descent, the median.
   */
  vehicleMinMedianMps: 8.3,
  vehicleMinP90Mps: 15.3,
} as const;

export interface SpeedProfile {
  /** Seconds in windows faster than stoppedBelowMps. */
  movingSeconds: number;
  /** Time-weighted median and 90th percentile of the moving windows' speeds, m/s (null without motion). */
  medianMps: number | null;
  p90Mps: number | null;
}

export interface SpeedVerdict {
  /** WALK, RUN or RIDE; null when the speed does not decide. */
  sport: Extract<Sport, 'WALK' | 'RUN' | 'RIDE'> | null;
  profile: SpeedProfile;
  /** Why, as a clause for the athlete ("its moving speed (…) is a walk's"), without a full stop. */
  reason: string;
}

const EARTH_RADIUS_METERS = 6_378_137;

interface Window {
  meters: number;
  seconds: number;
}

/** Whether [from, to] overlaps a pause; `pauses` sorted and merged (normalizePauses), found by bisection. */
const inPause = (pauses: readonly PauseInterval[], from: number, to: number) => {
  let low = 0;
  let high = pauses.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (pauses[middle]!.to <= from) low = middle + 1;
    else high = middle;
  }
  const pause = pauses[low];
  return pause !== undefined && pause.from < to;
};

const positioned = (sample: TrackSample) => sample.latitude !== null && sample.longitude !== null;

const chord = (a: TrackSample, b: TrackSample) =>
  haversineMeters(a.latitude!, a.longitude!, b.latitude!, b.longitude!, EARTH_RADIUS_METERS);

/**
 * Windows of at least windowSeconds; a gap, a pause or a segment boundary closes the current one. A
 * window's distance is the straight line from its first point to its last (summing every step would add
 * each fix's wander, and make a stop look like a stroll); without positions, the speed the device measured.
 */
function windowsOf(
  samples: readonly TrackSample[],
  segmentStarts: readonly number[],
  pauses: readonly PauseInterval[],
): Window[] {
  const starts = new Set(segmentStarts);
  const sortedPauses = normalizePauses(pauses);
  const windows: Window[] = [];
  let first: TrackSample | null = null;
  let last: TrackSample | null = null;
  let seconds = 0;
  let measured = 0;
  let measurable = true;
  const close = () => {
    // A rest of at least half a window is kept: the end of a segment is motion too.
    if (first && last && seconds >= SPEED_RULES.windowSeconds / 2) {
      if (positioned(first) && positioned(last)) windows.push({ meters: chord(first, last), seconds });
      else if (measurable) windows.push({ meters: measured, seconds });
    }
    first = last = null;
    seconds = measured = 0;
    measurable = true;
  };
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1]!;
    const b = samples[i]!;
    const step = a.time === null || b.time === null ? Number.NaN : (b.time - a.time) / 1000;
    if (
      starts.has(i) ||
      !(step > 0) ||
      step > SPEED_RULES.maxGapSeconds ||
      inPause(sortedPauses, a.time!, b.time!)
    ) {
      close();
      continue;
    }
    first ??= a;
    last = b;
    seconds += step;
    if (b.speed !== null && b.speed >= 0) measured += b.speed * step;
    else measurable = false;
    if (seconds >= SPEED_RULES.windowSeconds) close();
  }
  close();
  return windows;
}

/** The speed below which `share` of the time was spent (windows sorted by speed). */
function percentile(sorted: readonly { speed: number; seconds: number }[], total: number, share: number) {
  let seen = 0;
  for (const window of sorted) {
    seen += window.seconds;
    if (seen >= share * total) return window.speed;
  }
  return sorted.at(-1)?.speed ?? null;
}

export function speedProfile(
  samples: readonly TrackSample[],
  segmentStarts: readonly number[] = [],
  pauses: readonly PauseInterval[] = [],
): SpeedProfile {
  const moving = windowsOf(samples, segmentStarts, pauses)
    .map((window) => ({ speed: window.meters / window.seconds, seconds: window.seconds }))
    .filter((window) => window.speed >= SPEED_RULES.stoppedBelowMps)
    .sort((a, b) => a.speed - b.speed);
  const movingSeconds = moving.reduce((sum, window) => sum + window.seconds, 0);
  return {
    movingSeconds,
    medianMps: percentile(moving, movingSeconds, 0.5),
    p90Mps: percentile(moving, movingSeconds, 0.9),
  };
}

const kmh = (mps: number) => `${(mps * 3.6).toFixed(1)} km/h`;

const speedsOf = ({ medianMps, p90Mps, movingSeconds }: SpeedProfile) =>
  `median ${kmh(medianMps ?? 0)}, 90th percentile ${kmh(p90Mps ?? 0)} over ${Math.round(movingSeconds / 60)} min in motion`;

/** WALK, RUN or RIDE from the track's moving speed, or null (with the reason) when it does not decide. */
export function sportFromSpeed(
  samples: readonly TrackSample[],
  segmentStarts: readonly number[] = [],
  pauses: readonly PauseInterval[] = [],
): SpeedVerdict {
  const profile = speedProfile(samples, segmentStarts, pauses);
  const { medianMps: median, p90Mps: p90, movingSeconds } = profile;
  const verdict = (sport: SpeedVerdict['sport'], reason: string): SpeedVerdict => ({
    sport,
    profile,
    reason,
  });
  if (median === null || p90 === null || movingSeconds < SPEED_RULES.minMovingSeconds) {
    return verdict(
      null,
      `its track has too little timed motion to tell the sport (${Math.round(movingSeconds)} s, at least ${SPEED_RULES.minMovingSeconds} s needed)`,
    );
  }
  const speeds = speedsOf(profile);
  const R = SPEED_RULES;
  if (median > R.rideMaxMedianMps || (median >= R.vehicleMinMedianMps && p90 >= R.vehicleMinP90Mps)) {
    return verdict(null, `its moving speed (${speeds}) is a vehicle's rather than a ride's`);
  }
  if (median >= R.rideMinMedianMps) return verdict('RIDE', `its moving speed (${speeds}) is a ride's`);
  if (median >= R.runMinMedianMps && median <= R.runMaxMedianMps) {
    return p90 >= R.runMaxP90Mps
      ? verdict('RIDE', `its moving speed (${speeds}) is a ride's: too fast at times for a run`)
      : verdict('RUN', `its moving speed (${speeds}) is a run's`);
  }
  // A walk's median is not moved by a few fast minutes (a lift, a jog to catch a bus): no test of p90.
  if (median <= R.walkMaxMedianMps) return verdict('WALK', `its moving speed (${speeds}) is a walk's`);
  const between = median < R.runMinMedianMps ? 'a brisk walk and a slow run' : 'a fast run and an easy ride';
  return verdict(null, `its moving speed (${speeds}) lies between ${between}`);
}
