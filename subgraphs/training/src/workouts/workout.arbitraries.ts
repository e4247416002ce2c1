/**
 * fast-check arbitraries of a workout and its stored samples for property tests: the record's figures
 * within what workout-input.ts accepts, its start from 1970 to a day ahead (lib/workout-time-window.ts),
 * and a track around that start with every kind of defect (metrics/track-arbitraries.ts).
 */
import fc from 'fast-check';
import { WORKOUT_TIME_WINDOW } from '../../../../lib/workout-time-window';
import { anySport, walkTrackFrom } from '../metrics/track-arbitraries';
import type { StoredSample } from '../telemetry/samples.repo';
import { aWorkoutRecord } from './workout.builders';
import {
  MAX_CALORIES,
  MAX_DISTANCE_METERS,
  MAX_DURATION_SECONDS,
  MAX_ELEVATION_GAIN_METERS,
} from './workout-input';
import type { WorkoutRecord } from './workout.repo';

const upTo = (max: number) => fc.option(fc.double({ min: 0, max, noNaN: true }), { nil: null });

export interface WorkoutWithSamples {
  workout: WorkoutRecord;
  samples: StoredSample[];
}

export const workoutWithSamples: fc.Arbitrary<WorkoutWithSamples> = fc
  .integer({ min: WORKOUT_TIME_WINDOW.earliestMs, max: Date.now() + WORKOUT_TIME_WINDOW.aheadMs })
  .chain((startMs) =>
    fc.record({
      startMs: fc.constant(startMs),
      track: walkTrackFrom(startMs),
      sport: anySport,
      source: fc.constantFrom('RECORDED' as const, 'IMPORTED' as const, 'MANUAL' as const),
      status: fc.constantFrom('IN_PROGRESS' as const, 'PAUSED' as const, 'FINISHED' as const),
      seconds: fc.integer({ min: 1, max: MAX_DURATION_SECONDS }),
      distanceMeters: upTo(MAX_DISTANCE_METERS),
      elevationGainMeters: upTo(MAX_ELEVATION_GAIN_METERS),
      deviceCalories: upTo(MAX_CALORIES),
      editedFields: fc.subarray(['distanceMeters', 'elevationGainMeters']),
      barometricAltitude: fc.boolean(),
    }),
  )
  .map(({ startMs, track, seconds, status, ...figures }) => {
    // As the samples repository reads them back: times are whole milliseconds (a timestamptz(3)).
    const samples = track.samples.map((sample, sequence) => ({
      ...sample,
      time: sample.time === null ? null : Math.trunc(sample.time),
      sequence,
    }));
    const workout = aWorkoutRecord({
      ...figures,
      status,
      startedAt: new Date(startMs),
      finishedAt: status === 'FINISHED' ? new Date(startMs + seconds * 1000) : null,
      elapsedSeconds: status === 'FINISHED' ? seconds : null,
      pauses: track.pauses,
      segmentStarts: (track.segmentStarts ?? []).filter((index) => index >= 0),
      sampleCount: samples.length,
    });
    return { workout, samples };
  });
