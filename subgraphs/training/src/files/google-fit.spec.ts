import { devicePartOf, parseGoogleFit } from './google-fit';
import { badInputMessage } from './test-errors';

const start = Date.parse('2024-05-01T08:00:00Z');
const nanos = (seconds: number) => String(BigInt(start + seconds * 1000) * 1_000_000n);
const point = (dataTypeName: string, seconds: number, value: object[], endSeconds = seconds) => ({
  startTimeNanos: nanos(seconds),
  endTimeNanos: nanos(endSeconds),
  dataTypeName,
  value,
});

const LOCATION_SOURCE = 'raw:com.google.location.sample:com.example.tracker:Google:Pixel Watch 2:1a2b3c:gps';

const document = (overrides: Record<string, unknown> = {}) => ({
  session: {
    id: 'abc',
    name: 'Lunch ride',
    startTimeMillis: String(start),
    endTimeMillis: String(start + 600_000),
    activityType: 1,
    application: { packageName: 'com.example.tracker' },
    ...overrides,
  },
  datasets: [
    {
      dataSourceId: LOCATION_SOURCE,
      point: [
        point('com.google.location.sample', 0, [
          { fpVal: 46 },
          { fpVal: 14.5 },
          { fpVal: 5 },
          { fpVal: 300 },
        ]),
        point('com.google.location.sample', 10, [{ fpVal: 46.001 }, { fpVal: 14.5 }, { fpVal: 5 }]),
      ],
    },
    {
      dataSourceId: 'derived:com.google.heart_rate.bpm:com.google.android.gms:merge_heart_rate_bpm',
      point: [
        point('com.google.heart_rate.bpm', 1, [{ fpVal: 120 }]),
        point('com.google.heart_rate.bpm', 60, [{ fpVal: 125 }]),
      ],
    },
    {
      dataSourceId: 'derived:com.google.cycling.pedaling.cadence:com.example.tracker',
      point: [point('com.google.cycling.pedaling.cadence', 60, [{ fpVal: 85 }])],
    },
    {
      dataSourceId: 'derived:com.google.power.sample:com.example.tracker',
      point: [point('com.google.power.sample', 10, [{ fpVal: 240 }])],
    },
    {
      dataSourceId: 'derived:com.google.calories.expended:com.google.android.gms',
      point: [
        point('com.google.calories.expended', 0, [{ fpVal: 30.5 }], 300),
        point('com.google.calories.expended', 300, [{ fpVal: 20 }], 600),
      ],
    },
    {
      dataSourceId: 'derived:com.google.distance.delta:com.google.android.gms',
      point: [point('com.google.distance.delta', 0, [{ fpVal: 111.2 }], 10)],
    },
    {
      dataSourceId: 'derived:com.google.activity.segment:com.google.android.gms',
      point: [
        point('com.google.activity.segment', 20, [{ intVal: 3 }], 50),
        point('com.google.activity.segment', 50, [{ intVal: 1 }], 600),
      ],
    },
  ],
});

describe('parseGoogleFit', () => {
  it('reads the session, locations, merged channels, totals and still segments as pauses', () => {
    const activity = parseGoogleFit(document());
    expect(activity).toMatchObject({
      format: 'GOOGLE_FIT',
      sport: 'RIDE',
      title: 'Lunch ride',
      startedAt: start,
      finishedAt: start + 600_000,
      device: 'com.example.tracker/Google:Pixel Watch 2:1a2b3c',
      calories: 50.5,
      deviceDistanceMeters: 111.2,
      pauses: [{ from: start + 20_000, to: start + 50_000 }],
    });
    expect(
      activity.samples.map((sample) => [
        sample.time,
        sample.latitude,
        sample.altitude,
        sample.heartRate,
        sample.cadence,
        sample.power,
      ]),
    ).toEqual([
      [start, 46, 300, 120, null, null],
      [start + 10_000, 46.001, null, null, null, 240],
      [start + 60_000, null, null, 125, 85, null],
    ]);
    expect(activity.segmentStarts).toEqual([2]);
  });

  it.each([
    [8, 'RUN'],
    [7, 'WALK'],
    [35, 'HIKE'],
    [56, 'RUN'],
    [15, 'MOUNTAIN_BIKE_RIDE'],
    [58, 'TREADMILL_RUN'],
    [83, 'POOL_SWIM'],
    [84, 'OPEN_WATER_SWIM'],
    [82, 'OPEN_WATER_SWIM'],
    [100, 'YOGA'],
    [9, 'OTHER'],
  ])('maps activity type %d to %s', (activityType, sport) => {
    expect(parseGoogleFit(document({ activityType, name: null })).sport).toBe(sport);
  });

  it('names the sport from the activity type before the session name', () => {
    expect(parseGoogleFit(document({ activityType: 8, name: 'Lunch ride' }))).toMatchObject({
      sport: 'RUN',
      sportSource: 'FILE',
      sportReason: 'The file names it: session activityType "8".',
    });
  });

  it('reads the session name and description when the activity type is other or unknown', () => {
    expect(parseGoogleFit(document({ activityType: 108, name: 'Lunch ride' }))).toMatchObject({
      sport: 'RIDE',
      sportSource: 'FILE',
      sportReason: 'The file\'s words name it: session name "Lunch ride" ("ride").',
    });
    expect(
      parseGoogleFit(document({ activityType: 4, name: null, description: 'Abendlauf? Nein: Lauf am See' })),
    ).toMatchObject({ sport: 'RUN', sportSource: 'FILE' });
    expect(parseGoogleFit(document({ activityType: 4, name: 'Session 12' }))).toMatchObject({
      sport: 'OTHER',
      sportSource: 'UNKNOWN',
      sportReason: 'The file names no sport we know (session activityType "4", session name "Session 12").',
    });
  });

  it('keeps "in vehicle" a named OTHER that no speed can turn into a ride', () => {
    expect(parseGoogleFit(document({ activityType: 0, name: 'Lunch ride' }))).toMatchObject({
      sport: 'OTHER',
      sportSource: 'FILE',
    });
  });

  it('accepts int64 numbers and a session without datasets', () => {
    const activity = parseGoogleFit({
      session: { startTimeMillis: start, endTimeMillis: start + 1000, activityType: 82 },
    });
    expect(activity.samples).toEqual([]);
    expect(activity.sport).toBe('POOL_SWIM');
    expect(activity.device).toBe('unknown');
  });

  it('finds the device part of data source ids', () => {
    expect(devicePartOf(LOCATION_SOURCE)).toBe('Google:Pixel Watch 2:1a2b3c');
    expect(
      devicePartOf('derived:com.google.heart_rate.bpm:com.google.android.gms:merge_heart_rate_bpm'),
    ).toBeNull();
    expect(devicePartOf('raw:com.google.step_count.cumulative:Garmin:fenix 7:abc:')).toBe(
      'Garmin:fenix 7:abc',
    );
  });

  it('names the path of invalid input', () => {
    expect(
      badInputMessage(() =>
        parseGoogleFit({ session: { startTimeMillis: 'soon', endTimeMillis: '1', activityType: 1 } }),
      ),
    ).toMatch(/Google Fit JSON is invalid at session\.startTimeMillis: expected an integer/);
    const broken = document();
    broken.datasets[0]!.point[1] = point('com.google.location.sample', 10, [{ fpVal: 46 }]);
    expect(badInputMessage(() => parseGoogleFit(broken))).toMatch(
      /datasets\[0\]\.point\[1\]\.value\[1\]: expected a longitude/,
    );
    expect(badInputMessage(() => parseGoogleFit({ datasets: [] }))).toMatch(/invalid at session:/);
  });
});
