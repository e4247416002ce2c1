/**
 * Distance: 2D haversine between consecutive accepted positions of the same segment. A position whose
 * implied speed from the last accepted one exceeds the sport's plausible maximum is a SPEED_JUMP and is
 * skipped (the next one is compared with the last accepted position again).
 */
import type { FlagTally } from './flag-tally';
import { haversineMeters } from './geo';
import type { MetricsConfig } from './metrics-config';
import type { ValidatedTrack } from './validate-track';

// Globals captured once: inside Jest's sandbox every global lookup in a hot loop is slow.
const isMissing = Number.isNaN;

export interface DistanceTrace {
  /** Metres from the first sample up to each sample (carried over samples without an accepted position). */
  cumulative: Float64Array;
  /** 1 where the sample's position was accepted. */
  accepted: Uint8Array;
  totalMeters: number;
  acceptedCount: number;
  speedJumps: FlagTally | null;
}

export function measureDistance(
  track: ValidatedTrack,
  maxPlausibleSpeedMps: number,
  config: MetricsConfig,
): DistanceTrace {
  const { latitude, longitude, time, segment, length } = track;
  const { jumpToleranceMeters, reanchorAfterRejectedSamples } = config.speed;
  const cumulative = new Float64Array(length);
  const accepted = new Uint8Array(length);
  let total = 0;
  let acceptedCount = 0;
  let anchor = -1;
  let rejectedInARow = 0;
  let speedJumps: FlagTally | null = null;

  for (let index = 0; index < length; index++) {
    const lat = latitude[index]!;
    if (isMissing(lat)) {
      cumulative[index] = total;
      continue;
    }
    const lon = longitude[index]!;
    if (anchor >= 0 && segment[anchor] === segment[index]) {
      const meters = haversineMeters(
        latitude[anchor]!,
        longitude[anchor]!,
        lat,
        lon,
        config.earthRadiusMeters,
      );
      const seconds = (time[index]! - time[anchor]!) / 1000;
      // NaN seconds (a sample without an accepted time) cannot be judged: the position is kept.
      const jumped = meters > maxPlausibleSpeedMps * seconds + jumpToleranceMeters;
      if (jumped && rejectedInARow < reanchorAfterRejectedSamples) {
        rejectedInARow += 1;
        if (speedJumps) speedJumps.count += 1;
        else speedJumps = { count: 1, firstIndex: index };
        cumulative[index] = total;
        continue;
      }
      // After too many rejections in a row the anchor itself was the bad fix: restart from here.
      if (!jumped) total += meters;
    }
    rejectedInARow = 0;
    anchor = index;
    accepted[index] = 1;
    acceptedCount += 1;
    cumulative[index] = total;
  }
  return { cumulative, accepted, totalMeters: total, acceptedCount, speedJumps };
}
