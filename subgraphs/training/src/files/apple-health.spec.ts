import { parseAppleHealth } from './apple-health';
import { badInputMessage } from './test-errors';

const t = (seconds: number) => new Date(Date.parse('2024-05-01T08:00:00Z') + seconds * 1000).toISOString();

const workout = (overrides: Record<string, unknown> = {}) => ({
  workoutActivityType: 'HKWorkoutActivityTypeRunning',
  startDate: t(0),
  endDate: t(600),
  duration: 540,
  totalDistance: { value: 1.5, unit: 'km' },
  totalEnergyBurned: { value: 418.4, unit: 'kJ' },
  sourceRevision: { source: { name: 'Workout', bundleIdentifier: 'com.apple.health' } },
  device: { name: 'Apple Watch', model: 'Watch', localIdentifier: 'A1B2' },
  workoutEvents: [
    { type: 'HKWorkoutEventTypePause', date: t(100) },
    { type: 'HKWorkoutEventTypeResume', date: t(160) },
  ],
  ...overrides,
});

const location = (second: number, latitude: number) => ({
  latitude,
  longitude: 14.5,
  altitude: 300,
  timestamp: t(second),
  speed: 3,
  horizontalAccuracy: 5,
  verticalAccuracy: 3,
});

describe('parseAppleHealth', () => {
  it('reads the workout, its route and merges heart rate by time', () => {
    const activity = parseAppleHealth({
      workout: workout(),
      route: [location(0, 46), location(99, 46.001), location(160, 46.002), location(170, 46.003)],
      heartRate: [
        { startDate: t(2), quantity: 120 },
        { startDate: t(130), quantity: 110 },
        { startDate: t(161), quantity: 130 },
      ],
    });
    expect(activity).toMatchObject({
      format: 'APPLE_HEALTH',
      sport: 'RUN',
      startedAt: Date.parse(t(0)),
      finishedAt: Date.parse(t(600)),
      device: 'com.apple.health/A1B2',
      deviceDistanceMeters: 1500,
      pauses: [{ from: Date.parse(t(100)), to: Date.parse(t(160)) }],
      barometricAltitude: false,
    });
    expect(activity.calories).toBeCloseTo(100, 6);
    // 4 locations + the heart rate at 130 s, which has no location within 5 s.
    expect(activity.samples.map((sample) => [sample.time, sample.latitude, sample.heartRate])).toEqual([
      [Date.parse(t(0)), 46, 120],
      [Date.parse(t(99)), 46.001, null],
      [Date.parse(t(130)), null, 110],
      [Date.parse(t(160)), 46.002, 130],
      [Date.parse(t(170)), 46.003, null],
    ]);
    expect(activity.segmentStarts).toEqual([3]);
  });

  it.each([
    [{ workoutActivityType: 37 }, 'RUN'],
    [
      { workoutActivityType: 'HKWorkoutActivityTypeRunning', metadata: { HKIndoorWorkout: true } },
      'TREADMILL_RUN',
    ],
    [{ workoutActivityType: 13 }, 'RIDE'],
    [
      { workoutActivityType: 'HKWorkoutActivityTypeCycling', metadata: { HKIndoorWorkout: 1 } },
      'VIRTUAL_RIDE',
    ],
    [{ workoutActivityType: 'HKWorkoutActivityTypeHiking' }, 'HIKE'],
    [{ workoutActivityType: 52 }, 'WALK'],
    [
      { workoutActivityType: 'HKWorkoutActivityTypeSwimming', metadata: { HKSwimmingLocationType: 1 } },
      'POOL_SWIM',
    ],
    [{ workoutActivityType: 46, metadata: { HKSwimmingLocationType: 2 } }, 'OPEN_WATER_SWIM'],
    [{ workoutActivityType: 'HKWorkoutActivityTypeSwimming' }, 'POOL_SWIM'],
    [{ workoutActivityType: 'HKWorkoutActivityTypeRowing' }, 'ROW'],
    [{ workoutActivityType: 16 }, 'ELLIPTICAL'],
    [{ workoutActivityType: 'HKWorkoutActivityTypeYoga' }, 'YOGA'],
    [{ workoutActivityType: 'HKWorkoutActivityTypeTraditionalStrengthTraining' }, 'STRENGTH_TRAINING'],
    [{ workoutActivityType: 'HKWorkoutActivityTypeCrossCountrySkiing' }, 'NORDIC_SKI'],
    [{ workoutActivityType: 61 }, 'ALPINE_SKI'],
    [{ workoutActivityType: 'HKWorkoutActivityTypeGolf' }, 'OTHER'],
    [{ workoutActivityType: 3000 }, 'OTHER'],
  ])('maps %j to %s', (overrides, sport) => {
    expect(parseAppleHealth({ workout: workout(overrides) }).sport).toBe(sport);
  });

  it('says the activity type named the sport, or that it named none', () => {
    expect(parseAppleHealth({ workout: workout({ workoutActivityType: 37 }) })).toMatchObject({
      sportSource: 'FILE',
      sportReason: 'The file names it: workoutActivityType "37".',
    });
    expect(
      parseAppleHealth({ workout: workout({ workoutActivityType: 'HKWorkoutActivityTypeOther' }) }),
    ).toMatchObject({
      sport: 'OTHER',
      sportSource: 'UNKNOWN',
      sportReason: 'The file names no sport we know (workoutActivityType "HKWorkoutActivityTypeOther").',
    });
  });

  it('reads a workout without route or heart rate (start and end only)', () => {
    const activity = parseAppleHealth({ workout: workout({ workoutEvents: undefined, device: undefined }) });
    expect(activity.samples).toEqual([]);
    expect(activity.device).toBe('com.apple.health');
    expect(activity.pauses).toEqual([]);
  });

  it('drops invalid CLLocation values and closes a pause never resumed at the end', () => {
    const activity = parseAppleHealth({
      workout: workout({ workoutEvents: [{ type: 1, dateInterval: { start: t(500), end: t(500) } }] }),
      route: [
        { ...location(0, 46), horizontalAccuracy: -1 },
        { ...location(1, 46), speed: -1, verticalAccuracy: -1 },
      ],
    });
    expect(activity.samples).toHaveLength(1);
    expect(activity.samples[0]).toMatchObject({ speed: null, altitude: null });
    expect(activity.pauses).toEqual([{ from: Date.parse(t(500)), to: Date.parse(t(600)) }]);
  });

  it('names the path of the first problem', () => {
    const route = Array.from({ length: 13 }, (_, index) => location(index, 46));
    route[12] = { ...location(12, 46), timestamp: 'noon' };
    expect(badInputMessage(() => parseAppleHealth({ workout: workout(), route }))).toMatch(
      /Apple Health JSON is invalid at route\[12\]\.timestamp: expected an ISO 8601 date-time/,
    );
    expect(badInputMessage(() => parseAppleHealth({ route: [] }))).toMatch(/invalid at workout:/);
    expect(
      badInputMessage(() =>
        parseAppleHealth({ workout: workout({ totalDistance: { value: 3, unit: 'furlong' } }) }),
      ),
    ).toMatch(/workout\.totalDistance\.unit/);
    expect(badInputMessage(() => parseAppleHealth({ workout: workout({ endDate: t(-1) }) }))).toMatch(
      /workout\.endDate: it is before workout\.startDate/,
    );
  });
});
