/**
 * Reads Pulse's Apple Health workout JSON: HealthKit's own objects (HKWorkout, its route's CLLocations,
 * heart-rate HKQuantitySamples) as an iOS app serialises them with ISO 8601 dates. The shape, field by
 * field, is documented in README.md ("Apple Health JSON"). Heart-rate samples are merged into the route
 * by time (nearest location within HEART_RATE_TOLERANCE_MS), the others become samples without position.
 */
import { z } from 'zod';
import type { Sport } from '../../../../lib/sports';
import { BadUserInputError } from '../../../../lib/errors/domain-error';
import { emptySample, type PauseInterval, type TrackSample } from '../metrics/track';
import type { ImportedActivity } from './activity';
import { checkSampleCount, MAX_SAMPLES_PER_ACTIVITY } from './activity-limits';
import { checkEntryCount, isoDateTime, parseJsonInput } from './json-input';
import { mergeByTime, normalizePauses, segmentStartsAt } from './samples';
import { fieldClue, sportFromClues } from './sport-choice';
import { genericSwim, sportFromWord } from './sport-vocabulary';

/** A heart-rate sample joins the nearest route location at most this far away in time. */
export const HEART_RATE_TOLERANCE_MS = 5_000;

const ACTIVITY_TYPE_PREFIX = 'HKWorkoutActivityType';
const EVENT_TYPE_PREFIX = 'HKWorkoutEventType';

/** HKWorkoutActivityType raw values of the activity types Pulse maps to a sport (others are OTHER). */
const ACTIVITY_TYPE_BY_RAW_VALUE: Record<number, string> = {
  13: 'Cycling',
  16: 'Elliptical',
  20: 'FunctionalStrengthTraining',
  24: 'Hiking',
  31: 'PaddleSports',
  35: 'Rowing',
  37: 'Running',
  46: 'Swimming',
  50: 'TraditionalStrengthTraining',
  52: 'Walking',
  57: 'Yoga',
  60: 'CrossCountrySkiing',
  61: 'DownhillSkiing',
  67: 'Snowboarding',
  70: 'WheelchairWalkPace',
  71: 'WheelchairRunPace',
  74: 'HandCycling',
  3000: 'Other',
};

/** HKWorkoutEventType raw values (pause 1, resume 2, lap 3, marker 4, motionPaused 5, motionResumed 6, …). */
const EVENT_TYPE_BY_RAW_VALUE: Record<number, string> = {
  1: 'Pause',
  2: 'Resume',
  3: 'Lap',
  4: 'Marker',
  5: 'MotionPaused',
  6: 'MotionResumed',
  7: 'Segment',
  8: 'PauseOrResumeRequest',
};

const optionalString = z.string().nullish();

const quantity = <Unit extends string>(units: readonly [Unit, ...Unit[]]) =>
  z.object({ value: z.number().nonnegative(), unit: z.enum(units) });

const workoutEvent = z
  .object({
    type: z.union([z.string(), z.int()]),
    date: isoDateTime.nullish(),
    dateInterval: z.object({ start: isoDateTime, end: isoDateTime.nullish() }).nullish(),
  })
  .refine((event) => event.date != null || event.dateInterval != null, {
    message: 'a workout event needs a date (or a dateInterval.start)',
  });

const schema = z.object({
  workout: z.object({
    workoutActivityType: z.union([z.string().min(1), z.int()]),
    startDate: isoDateTime,
    endDate: isoDateTime,
    duration: z.number().nonnegative().nullish(),
    totalDistance: quantity(['m', 'km', 'mi']).nullish(),
    totalEnergyBurned: quantity(['kcal', 'kJ']).nullish(),
    sourceRevision: z
      .object({
        source: z.object({ name: optionalString, bundleIdentifier: z.string().min(1) }),
        version: optionalString,
      })
      .nullish(),
    device: z
      .object({
        name: optionalString,
        manufacturer: optionalString,
        model: optionalString,
        localIdentifier: optionalString,
        udiDeviceIdentifier: optionalString,
      })
      .nullish(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
    workoutEvents: z.array(workoutEvent).nullish(),
  }),
  route: z
    .array(
      z.object({
        latitude: z.number().min(-90).max(90),
        longitude: z.number().min(-180).max(180),
        altitude: z.number().nullish(),
        timestamp: isoDateTime,
        speed: z.number().nullish(),
        course: z.number().nullish(),
        horizontalAccuracy: z.number().nullish(),
        verticalAccuracy: z.number().nullish(),
      }),
    )
    .nullish(),
  heartRate: z
    .array(
      z.object({ startDate: isoDateTime, endDate: isoDateTime.nullish(), quantity: z.number().positive() }),
    )
    .nullish(),
});

type AppleHealthWorkout = z.output<typeof schema>['workout'];

const isTrue = (value: unknown): boolean => value === true || value === 1 || value === 'true';

/** Maps the activity type (name or raw value) and metadata (indoor, swimming location) to a sport. */
const sportOf = (workout: AppleHealthWorkout, hasPositions: boolean): Sport => {
  const type = workout.workoutActivityType;
  const name =
    typeof type === 'number' ? ACTIVITY_TYPE_BY_RAW_VALUE[type] : type.replace(ACTIVITY_TYPE_PREFIX, '');
  if (name === undefined) return 'OTHER';
  const indoor = isTrue(workout.metadata?.HKIndoorWorkout);
  switch (name.toLowerCase()) {
    case 'running':
      return indoor ? 'TREADMILL_RUN' : 'RUN';
    case 'cycling':
      return indoor ? 'VIRTUAL_RIDE' : 'RIDE';
    case 'rowing':
      return indoor ? 'INDOOR_ROW' : 'ROW';
    case 'swimming': {
      // HKWorkoutSwimmingLocationType: 0 unknown, 1 pool, 2 open water.
      const location = workout.metadata?.HKSwimmingLocationType;
      if (location === 1 || location === 'pool') return 'POOL_SWIM';
      if (location === 2 || location === 'openWater') return 'OPEN_WATER_SWIM';
      return genericSwim({ hasPositions });
    }
    default:
      return sportFromWord(name, { hasPositions }) ?? 'OTHER';
  }
};

/** Pause … Resume and MotionPaused … MotionResumed pairs; a pause never resumed lasts until the end. */
const pausesOf = (workout: AppleHealthWorkout): PauseInterval[] => {
  const events = (workout.workoutEvents ?? [])
    .map((event) => ({
      type:
        typeof event.type === 'number'
          ? EVENT_TYPE_BY_RAW_VALUE[event.type]
          : event.type.replace(EVENT_TYPE_PREFIX, ''),
      time: event.dateInterval?.start ?? event.date ?? 0,
    }))
    .sort((a, b) => a.time - b.time);
  const pauses: PauseInterval[] = [];
  const open: Record<'user' | 'motion', number | null> = { user: null, motion: null };
  for (const { type, time } of events) {
    const kind = type === 'Pause' || type === 'Resume' ? 'user' : 'motion';
    if (type === 'Pause' || type === 'MotionPaused') open[kind] ??= time;
    if (type === 'Resume' || type === 'MotionResumed') {
      const from = open[kind];
      if (from !== null) pauses.push({ from, to: time });
      open[kind] = null;
    }
  }
  for (const from of Object.values(open)) if (from !== null) pauses.push({ from, to: workout.endDate });
  return normalizePauses(pauses);
};

/** Source bundle id, then the device's most specific identifier: stable per app and watch. */
const deviceOf = (workout: AppleHealthWorkout): string => {
  const source = workout.sourceRevision?.source.bundleIdentifier;
  const device = workout.device;
  const deviceId = device?.localIdentifier ?? device?.udiDeviceIdentifier ?? device?.model ?? device?.name;
  const parts = [source, deviceId].filter((part): part is string => typeof part === 'string' && part !== '');
  return parts.length > 0 ? parts.join('/') : 'unknown';
};

const METERS_PER_UNIT = { m: 1, km: 1000, mi: 1609.344 } as const;
const KILOJOULES_PER_KCAL = 4.184;

/** Reads Apple Health JSON; refuses it unvalidated when `route` or `heartRate` holds over `maxSamples`. */
export const parseAppleHealth = (json: unknown, maxSamples = MAX_SAMPLES_PER_ACTIVITY): ImportedActivity => {
  checkEntryCount(json, 'route', maxSamples, 'Apple Health', 'route locations');
  checkEntryCount(json, 'heartRate', maxSamples, 'Apple Health', 'heart-rate entries');
  const input = parseJsonInput(schema, json, 'Apple Health');
  const { workout } = input;
  if (workout.endDate < workout.startDate) {
    throw new BadUserInputError(
      'file',
      'The Apple Health JSON is invalid at workout.endDate: it is before workout.startDate.',
    );
  }
  // CLLocation: a negative horizontalAccuracy means the location is invalid, a negative speed or
  // verticalAccuracy that the speed or altitude is.
  const route: TrackSample[] = (input.route ?? [])
    .filter((location) => (location.horizontalAccuracy ?? 0) >= 0)
    .map((location) => ({
      ...emptySample(location.timestamp),
      latitude: location.latitude,
      longitude: location.longitude,
      altitude: (location.verticalAccuracy ?? 0) >= 0 ? (location.altitude ?? null) : null,
      speed: location.speed != null && location.speed >= 0 ? location.speed : null,
    }))
    .sort((a, b) => (a.time ?? 0) - (b.time ?? 0));
  const heartRates = (input.heartRate ?? []).map((sample) => ({
    ...emptySample(sample.startDate),
    heartRate: sample.quantity,
  }));
  const samples = mergeByTime(route, heartRates, HEART_RATE_TOLERANCE_MS);
  checkSampleCount(samples.length, maxSamples, 'Apple Health', 'samples once heart rate joins the route');
  const pauses = pausesOf(workout);
  const distance = workout.totalDistance;
  const energy = workout.totalEnergyBurned;
  return {
    format: 'APPLE_HEALTH',
    ...sportFromClues(
      fieldClue('workoutActivityType', workout.workoutActivityType, sportOf(workout, route.length > 0)),
      { hasPositions: route.length > 0 },
    ),
    startedAt: workout.startDate,
    finishedAt: workout.endDate,
    device: deviceOf(workout),
    title: null,
    samples,
    pauses,
    segmentStarts: segmentStartsAt(
      samples,
      pauses.map((pause) => pause.to),
    ),
    calories: energy ? (energy.unit === 'kJ' ? energy.value / KILOJOULES_PER_KCAL : energy.value) : null,
    deviceDistanceMeters: distance ? distance.value * METERS_PER_UNIT[distance.unit] : null,
    barometricAltitude: false,
  };
};
