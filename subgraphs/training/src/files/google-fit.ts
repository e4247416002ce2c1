/**
 * Reads Pulse's Google Fit workout JSON: a Fit REST API session (users.sessions) with the datasets of its
 * data sources (users.dataSources.datasets), int64 fields as the API writes them (strings of digits) or
 * plain integers. The shape and the activity-type table are documented in README.md ("Google Fit JSON").
 * Location samples are the track; the other channels join the nearest location within
 * CHANNEL_TOLERANCE_MS, or become samples of their own. Activity segments with activity 3 ("still") are
 * pauses; other data types are ignored.
 */
import { z } from 'zod';
import type { Sport } from '../../../../lib/sports';
import { BadUserInputError } from '../../../../lib/errors/domain-error';
import { emptySample, type PauseInterval, type TrackSample } from '../metrics/track';
import type { ImportedActivity } from './activity';
import { checkSampleCount, MAX_SAMPLES_PER_ACTIVITY } from './activity-limits';
import { checkEntryCount, int64, parseJsonInput } from './json-input';
import { mergeByTime, normalizePauses, segmentStartsAt } from './samples';
import { fieldClue, namedOther, sportFromClues, textClue } from './sport-choice';
import { genericSwim } from './sport-vocabulary';

/** A sensor point joins the nearest location sample at most this far away in time. */
export const CHANNEL_TOLERANCE_MS = 5_000;

/** Google Fit's activity type for "Still (not moving)": an activity segment of it is a pause. */
const STILL = 3;
const GENERIC_SWIMMING = 82;
/** "In vehicle": a drive, not a sport, whatever its speed says. */
const IN_VEHICLE = 0;

/** Google Fit activity types (developers.google.com/fit/rest/v1/reference/activity-types) → Sport. */
export const GOOGLE_FIT_ACTIVITY_TYPES: Readonly<Record<number, Sport>> = {
  1: 'RIDE', // Biking
  7: 'WALK', // Walking
  8: 'RUN', // Running
  14: 'RIDE', // Handbiking
  15: 'MOUNTAIN_BIKE_RIDE', // Mountain biking
  16: 'RIDE', // Road biking
  17: 'VIRTUAL_RIDE', // Spinning
  18: 'VIRTUAL_RIDE', // Stationary biking
  19: 'RIDE', // Utility biking
  25: 'ELLIPTICAL', // Elliptical
  35: 'HIKE', // Hiking
  40: 'KAYAK', // Kayaking
  53: 'ROW', // Rowing
  54: 'INDOOR_ROW', // Rowing machine
  56: 'RUN', // Jogging
  57: 'RUN', // Running on sand
  58: 'TREADMILL_RUN', // Running (treadmill)
  64: 'INLINE_SKATE', // Skating (inline)
  65: 'ALPINE_SKI', // Skiing
  66: 'ALPINE_SKI', // Skiing (back-country)
  67: 'NORDIC_SKI', // Skiing (cross-country)
  68: 'ALPINE_SKI', // Skiing (downhill)
  70: 'NORDIC_SKI', // Skiing (roller)
  73: 'SNOWBOARD', // Snowboarding
  75: 'HIKE', // Snowshoeing
  79: 'STAND_UP_PADDLE', // Stand-up paddleboarding
  80: 'STRENGTH_TRAINING', // Strength training
  83: 'POOL_SWIM', // Swimming (swimming pool)
  84: 'OPEN_WATER_SWIM', // Swimming (open water)
  88: 'TREADMILL_RUN', // Treadmill (walking or running)
  93: 'WALK', // Walking (fitness)
  94: 'WALK', // Nordic walking
  95: 'WALK', // Walking (treadmill)
  97: 'STRENGTH_TRAINING', // Weightlifting
  98: 'WHEELCHAIR', // Wheelchair
  100: 'YOGA', // Yoga
  113: 'STRENGTH_TRAINING', // Crossfit
  116: 'WALK', // Walking (stroller)
};

const value = z.object({
  intVal: z.int().nullish(),
  fpVal: z.number().nullish(),
  stringVal: z.string().nullish(),
});

const schema = z.object({
  session: z.object({
    id: z.string().nullish(),
    name: z.string().nullish(),
    description: z.string().nullish(),
    startTimeMillis: int64,
    endTimeMillis: int64,
    activityType: z.int(),
    application: z
      .object({
        packageName: z.string().nullish(),
        name: z.string().nullish(),
        version: z.string().nullish(),
      })
      .nullish(),
    activeTimeMillis: int64.nullish(),
  }),
  datasets: z
    .array(
      z.object({
        dataSourceId: z.string().min(1),
        point: z
          .array(
            z.object({
              startTimeNanos: int64,
              endTimeNanos: int64,
              dataTypeName: z.string().min(1),
              originDataSourceId: z.string().nullish(),
              value: z.array(value),
            }),
          )
          .nullish(),
      }),
    )
    .nullish(),
});

type Point = NonNullable<NonNullable<z.output<typeof schema>['datasets']>[number]['point']>[number];

const NANOS_PER_MILLI = 1_000_000n;
const toMillis = (nanos: bigint): number => Number(nanos / NANOS_PER_MILLI);

/** Which TrackSample channel each single-value data type fills. */
const CHANNEL_BY_DATA_TYPE: Readonly<Record<string, 'heartRate' | 'cadence' | 'power' | 'speed'>> = {
  'com.google.heart_rate.bpm': 'heartRate',
  'com.google.step_count.cadence': 'cadence',
  'com.google.cycling.pedaling.cadence': 'cadence',
  'com.google.power.sample': 'power',
  'com.google.speed': 'speed',
};

/**
 * The device part of a data source id (`type:dataType:package:manufacturer:model:uid:stream`, parts
 * omitted when unknown): what lies between the data type (and the app package) and the stream name.
 */
export const devicePartOf = (dataSourceId: string): string | null => {
  const parts = dataSourceId.split(':');
  const middle = parts.slice(2, -1);
  if (middle[0]?.includes('.')) middle.shift();
  const device = middle.filter((part) => part !== '').join(':');
  return device === '' ? null : device;
};

/** Reads Google Fit JSON; refuses it unvalidated when one dataset holds more than `maxSamples` points. */
export const parseGoogleFit = (json: unknown, maxSamples = MAX_SAMPLES_PER_ACTIVITY): ImportedActivity => {
  const rawDatasets =
    typeof json === 'object' && json !== null ? (json as { datasets?: unknown }).datasets : null;
  for (const dataset of Array.isArray(rawDatasets) ? rawDatasets : []) {
    checkEntryCount(dataset, 'point', maxSamples, 'Google Fit', 'points in one dataset');
  }
  const { session, datasets } = parseJsonInput(schema, json, 'Google Fit');
  const startedAt = Number(session.startTimeMillis);
  const finishedAt = Number(session.endTimeMillis);
  if (finishedAt < startedAt) {
    throw new BadUserInputError(
      'file',
      'The Google Fit JSON is invalid at session.endTimeMillis: it is before session.startTimeMillis.',
    );
  }

  const locations: TrackSample[] = [];
  const channels: TrackSample[] = [];
  const pauses: PauseInterval[] = [];
  let calories: number | null = null;
  let distance: number | null = null;
  let locationSource: string | null = null;

  (datasets ?? []).forEach((dataset, d) =>
    (dataset.point ?? []).forEach((point, p) => {
      const path = `datasets[${d}].point[${p}].value`;
      const number = (index: number): number | null => readNumber(point, index, path);
      const time = toMillis(point.startTimeNanos);
      const channel = CHANNEL_BY_DATA_TYPE[point.dataTypeName];
      if (point.dataTypeName === 'com.google.location.sample') {
        const latitude = required(number(0), `${path}[0]`, 'a latitude');
        const longitude = required(number(1), `${path}[1]`, 'a longitude');
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
          throw invalid(path, `(${latitude}, ${longitude}) is not a valid position`);
        }
        locations.push({ ...emptySample(time), latitude, longitude, altitude: number(3) });
        locationSource ??= dataset.dataSourceId;
      } else if (channel) {
        channels.push({ ...emptySample(time), [channel]: required(number(0), `${path}[0]`, 'a number') });
      } else if (point.dataTypeName === 'com.google.calories.expended') {
        calories = (calories ?? 0) + required(number(0), `${path}[0]`, 'kilocalories');
      } else if (point.dataTypeName === 'com.google.distance.delta') {
        distance = (distance ?? 0) + required(number(0), `${path}[0]`, 'metres');
      } else if (point.dataTypeName === 'com.google.activity.segment' && number(0) === STILL) {
        pauses.push({ from: time, to: toMillis(point.endTimeNanos) });
      }
    }),
  );

  locations.sort((a, b) => (a.time ?? 0) - (b.time ?? 0));
  const samples = mergeByTime(locations, channels, CHANNEL_TOLERANCE_MS);
  checkSampleCount(samples.length, maxSamples, 'Google Fit', 'samples once the channels join the locations');
  const normalizedPauses = normalizePauses(pauses);
  const context = { hasPositions: locations.length > 0 };
  const sport =
    session.activityType === IN_VEHICLE
      ? namedOther(`The file names it: session activityType ${IN_VEHICLE} (in vehicle).`)
      : sportFromClues(
          [
            ...fieldClue(
              'session activityType',
              session.activityType,
              session.activityType === GENERIC_SWIMMING
                ? genericSwim(context)
                : (GOOGLE_FIT_ACTIVITY_TYPES[session.activityType] ?? null),
            ),
            ...textClue('session name', session.name),
            ...textClue('session description', session.description),
          ],
          context,
        );
  const sourceDevice = [locationSource, ...(datasets ?? []).map((dataset) => dataset.dataSourceId)]
    .map((id) => (id === null ? null : devicePartOf(id)))
    .find((part) => part !== null);
  const device = [session.application?.packageName, sourceDevice].filter(
    (part): part is string => typeof part === 'string' && part !== '',
  );
  return {
    format: 'GOOGLE_FIT',
    ...sport,
    startedAt,
    finishedAt,
    device: device.length > 0 ? device.join('/') : 'unknown',
    title: session.name ?? null,
    samples,
    pauses: normalizedPauses,
    segmentStarts: segmentStartsAt(
      samples,
      normalizedPauses.map((pause) => pause.to),
    ),
    calories,
    deviceDistanceMeters: distance,
    barometricAltitude: false,
  };
};

const invalid = (path: string, message: string): BadUserInputError =>
  new BadUserInputError('file', `The Google Fit JSON is invalid at ${path}: ${message}.`);

/** A value's fpVal (or intVal) as a number; null when the value is absent. */
const readNumber = (point: Point, index: number, path: string): number | null => {
  const entry = point.value[index];
  if (!entry) return null;
  const number = entry.fpVal ?? entry.intVal;
  if (number === null || number === undefined) {
    throw invalid(`${path}[${index}]`, 'expected a value with fpVal or intVal');
  }
  return number;
};

const required = (number: number | null, path: string, what: string): number => {
  if (number === null) throw invalid(path, `expected ${what}`);
  return number;
};
