/**
 * Series for charts: the samples of chosen channels, down-sampled to at most `resolution` points by
 * averaging consecutive samples in buckets of equal count (a 10-hour ride at 1 Hz becomes 500 points).
 */
import { BadUserInputError } from '../../../../lib/errors/domain-error';
import type { TrackSample } from '../metrics/track';
import { isTimestamp } from '../metrics/validate-track';

export const STREAM_CHANNELS = {
  LATITUDE: 'latitude',
  LONGITUDE: 'longitude',
  ALTITUDE: 'altitude',
  HEART_RATE: 'heartRate',
  CADENCE: 'cadence',
  POWER: 'power',
  SPEED: 'speed',
  TEMPERATURE: 'temperature',
} as const satisfies Record<string, keyof TrackSample>;

export type StreamChannel = keyof typeof STREAM_CHANNELS;

export interface WorkoutStreams {
  offsets: number[];
  series: { channel: StreamChannel; values: (number | null)[] }[];
}

export const MAX_RESOLUTION = 5000;

/** `value` to `digits` decimals; beyond ~1e300 it cannot be scaled, and has no decimals left to round. */
function round(value: number, digits: number): number {
  const scaled = Math.round(value * 10 ** digits);
  return Number.isFinite(scaled) ? scaled / 10 ** digits : value;
}
const digitsOf = (channel: StreamChannel) => (channel === 'LATITUDE' || channel === 'LONGITUDE' ? 7 : 2);

function averageOf(bucket: TrackSample[], key: keyof TrackSample): number | null {
  let sum = 0;
  let count = 0;
  for (const sample of bucket) {
    const value = sample[key];
    if (value !== null) {
      sum += value;
      count += 1;
    }
  }
  if (count === 0) return null;
  const mean = sum / count;
  if (Number.isFinite(mean)) return mean;
  // Samples are stored as sent: two readings of 1e308 overflow their sum, but not their mean.
  let scaled = 0;
  for (const sample of bucket) scaled += (sample[key] ?? 0) / count;
  return Math.min(Number.MAX_VALUE, Math.max(-Number.MAX_VALUE, scaled));
}

const POSITION_CHANNELS: ReadonlySet<StreamChannel> = new Set(['LATITUDE', 'LONGITUDE', 'ALTITUDE']);

/**
 * Says whether a point's position must be hidden (the athlete's privacy, for anyone else): called with the
 * samples the point stands for and their average position, which can lie where none of them does.
 */
export type HidePosition<S extends TrackSample> = (
  bucket: readonly S[],
  latitude: number,
  longitude: number,
) => boolean;

export function streamsOf<S extends TrackSample>(
  samples: S[],
  channels: readonly StreamChannel[],
  resolution: number,
  hidePosition?: HidePosition<S>,
): WorkoutStreams {
  if (!Number.isInteger(resolution) || resolution < 2 || resolution > MAX_RESOLUTION)
    throw new BadUserInputError('resolution', `resolution must be an integer from 2 to ${MAX_RESOLUTION}.`);
  // A time no date can hold is as good as none (and would overflow the offsets).
  const timed = samples.filter((s) => isTimestamp(s.time)).sort((a, b) => a.time! - b.time!);
  const size = Math.max(1, Math.ceil(timed.length / resolution));
  const buckets: S[][] = [];
  for (let i = 0; i < timed.length; i += size) buckets.push(timed.slice(i, i + size));
  const start = timed[0]?.time ?? 0;
  const unique = [...new Set(channels)];
  const positionHidden = buckets.map((bucket) => {
    if (!hidePosition) return false;
    const [latitude, longitude] = [averageOf(bucket, 'latitude'), averageOf(bucket, 'longitude')];
    return latitude !== null && longitude !== null && hidePosition(bucket, latitude, longitude);
  });
  return {
    offsets: buckets.map((bucket) => round((averageOf(bucket, 'time')! - start) / 1000, 1)),
    series: unique.map((channel) => ({
      channel,
      values: buckets.map((bucket, i) => {
        if (positionHidden[i] && POSITION_CHANNELS.has(channel)) return null;
        const value = averageOf(bucket, STREAM_CHANNELS[channel]);
        return value === null ? null : round(value, digitsOf(channel));
      }),
    })),
  };
}
