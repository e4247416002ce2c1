import fc from 'fast-check';
import { assertFiniteNumbers } from '../../../../lib/testing/finite-numbers';
import { emptySample, type TrackSample } from '../metrics/track';
import { anySample, walkTrack } from '../metrics/track-arbitraries';
import { MAX_RESOLUTION, STREAM_CHANNELS, streamsOf, type StreamChannel } from './workout-streams';

const at = (time: number, channels: Partial<TrackSample> = {}) => ({ ...emptySample(time), ...channels });
const channels = fc.subarray(Object.keys(STREAM_CHANNELS) as StreamChannel[]);
// Small resolutions put many samples in a bucket, where sums can overflow.
const resolution = fc.oneof(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 2, max: MAX_RESOLUTION }));

describe('streamsOf', () => {
  it('gives finite offsets and values for every track a device records', () => {
    fc.assert(
      fc.property(walkTrack, channels, resolution, (track, chosen, points) => {
        assertFiniteNumbers(streamsOf(track.samples, chosen, points), 'streams');
      }),
      { numRuns: 200 },
    );
  });

  it('gives finite offsets and values for samples of any finite numbers', () => {
    fc.assert(
      fc.property(fc.array(anySample, { maxLength: 40 }), channels, resolution, (samples, chosen, points) => {
        assertFiniteNumbers(streamsOf(samples, chosen, points), 'streams');
      }),
      {
        numRuns: 300,
        examples: [
          // 1.8e306 °C × 100 overflowed the rounding to 2 decimals.
          [[at(0, { temperature: 1.8e306 })], ['TEMPERATURE'], 2],
          // Two altitudes of 1e308 in one bucket overflowed its sum.
          [[at(0, { altitude: 1e308 }), at(1000, { altitude: 1e308 }), at(2000)], ['ALTITUDE'], 2],
          // Times no date can hold overflowed the offset from the first one.
          [[at(-1e308), at(1e308)], [], 2],
        ],
      },
    );
  });
});
