import fc from 'fast-check';
import { assertFiniteNumbers } from '../../../../lib/testing/finite-numbers';
import { computeMetrics } from './compute-metrics';
import { emptySample, type Track, type TrackSample } from './track';
import { anySport, profileAthlete, rawTrack, walkTrack } from './track-arbitraries';

const at = (time: number, channels: Partial<TrackSample> = {}) => ({ ...emptySample(time), ...channels });
const track = (...samples: TrackSample[]): Track => ({ samples, pauses: [] });

// Counterexamples found before the engine was made finite by construction, kept as fixed examples.
/** 1.1 m in 1e-309 s (fractional milliseconds at the epoch): the average speed was Infinity. */
const stepTooShort = track(
  at(0, { latitude: 45, longitude: 6 }),
  at(1e-306, { latitude: 45.00001, longitude: 6 }),
);
/** Times no date can hold: their difference, and so the elapsed time, overflowed. */
const timesBeyondDates = track(at(-1e308), at(1e308));
const boundsBeyondDates: Track = { ...track(), startedAt: -1e308, finishedAt: 1e308 };
/** 1e-145 m in 1e161 s: a subnormal average speed, and an infinite pace. */
const crawl = track(at(0, { latitude: 0, longitude: 1 }), at(1e164, { latitude: 1e-150, longitude: 1 }));

describe('computeMetrics', () => {
  it('gives a finite figure for every track a device records, defects included', () => {
    fc.assert(
      fc.property(anySport, walkTrack, profileAthlete, (sport, walk, athlete) => {
        assertFiniteNumbers(computeMetrics(sport, walk, athlete), 'metrics');
      }),
      { numRuns: 300, examples: [['RUN', stepTooShort, {}]] },
    );
  });

  it('gives a finite figure for a track of any finite numbers', () => {
    fc.assert(
      fc.property(anySport, rawTrack, profileAthlete, (sport, raw, athlete) => {
        assertFiniteNumbers(computeMetrics(sport, raw, athlete), 'metrics');
      }),
      {
        numRuns: 300,
        examples: [
          ['RUN', timesBeyondDates, {}],
          ['RUN', boundsBeyondDates, {}],
          ['YOGA', crawl, {}],
        ],
      },
    );
  });
});
