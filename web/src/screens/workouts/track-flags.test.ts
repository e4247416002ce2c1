import { describe, expect, it } from 'vitest';
import { flagSentence } from './track-flags';

describe('track problems in sentences', () => {
  it('says what happened, then what the metrics engine left out', () => {
    expect(
      flagSentence({
        code: 'SPEED_JUMP',
        count: 3,
        message:
          '3 samples implying a jump faster than 43 km/h from the previous position: their positions are left out of distance, speeds, splits and best efforts.',
      }),
    ).toBe(
      'The track jumps from place to place, as GPS glitches or a ride in a vehicle do. 3 samples implying a jump faster than 43 km/h from the previous position: their positions are left out of distance, speeds, splits and best efforts.',
    );
    expect(flagSentence({ code: 'MISSING_TIME', count: 1, message: 'x.' })).toBe(
      'Some points of the track have no time. x.',
    );
  });

  it('explains every flag the metrics engine raises, and a new one by its count', () => {
    for (const code of [
      'MISSING_TIME',
      'NON_MONOTONIC_TIME',
      'COORDINATES_OUT_OF_RANGE',
      'SPEED_JUMP',
      'HEART_RATE_OUT_OF_RANGE',
      'CADENCE_OUT_OF_RANGE',
      'POWER_OUT_OF_RANGE',
      'ALTITUDE_OUT_OF_RANGE',
      'SPEED_OUT_OF_RANGE',
    ]) {
      expect(flagSentence({ code, count: 2, message: 'm.' })).not.toMatch(/^Pulse found a problem/);
    }
    expect(flagSentence({ code: 'SOMETHING_NEW', count: 2, message: 'Left out of distance.' })).toBe(
      'Pulse found a problem in 2 samples. Left out of distance.',
    );
  });
});
