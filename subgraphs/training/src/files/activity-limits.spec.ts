import { DomainError } from '../../../../lib/errors/domain-error';
import { MAX_SAMPLES_PER_ACTIVITY } from './activity-limits';
import { parseAppleHealth } from './apple-health';
import { parseFit } from './fit';
import { buildFitActivity } from './fit.test-data';
import { parseGoogleFit } from './google-fit';
import { parseGpx } from './gpx';
import { parseTcx } from './tcx';

const at = (second: number) => new Date(Date.UTC(2024, 4, 1, 8, 0, second)).toISOString();
const nanos = (second: number) => String(BigInt(Date.parse(at(second))) * 1_000_000n);

const gpx = (points: number, element = 'trkpt') => {
  const body = Array.from(
    { length: points },
    (_, i) => `<${element} lat="46.0${i}" lon="14.5"><time>${at(i)}</time></${element}>`,
  ).join('');
  const container = element === 'trkpt' ? `<trk><trkseg>${body}</trkseg></trk>` : `<rte>${body}</rte>`;
  return `<?xml version="1.0"?><gpx version="1.1" creator="test">${container}</gpx>`;
};

const tcx = (points: number) => {
  const body = Array.from({ length: points }, (_, i) => `<Trackpoint><Time>${at(i)}</Time></Trackpoint>`);
  return (
    '<TrainingCenterDatabase><Activities><Activity Sport="Running"><Id>2024-05-01T08:00:00Z</Id>' +
    `<Lap StartTime="${at(0)}"><Track>${body.join('')}</Track></Lap></Activity></Activities></TrainingCenterDatabase>`
  );
};

const appleHealth = (locations: number, heartRates: number) => ({
  workout: { workoutActivityType: 'HKWorkoutActivityTypeRunning', startDate: at(0), endDate: at(59) },
  route: Array.from({ length: locations }, (_, i) => ({ latitude: 46, longitude: 14.5, timestamp: at(i) })),
  // 30 s apart from every location: heart rate stays samples of their own.
  heartRate: Array.from({ length: heartRates }, (_, i) => ({ startDate: at(30 + i), quantity: 120 })),
});

const googleFit = (locations: number, heartRates: number) => ({
  session: {
    startTimeMillis: String(Date.parse(at(0))),
    endTimeMillis: String(Date.parse(at(59))),
    activityType: 8,
  },
  datasets: [
    {
      dataSourceId: 'raw:com.google.location.sample:app:gps',
      point: Array.from({ length: locations }, (_, i) => ({
        startTimeNanos: nanos(i),
        endTimeNanos: nanos(i),
        dataTypeName: 'com.google.location.sample',
        value: [{ fpVal: 46 }, { fpVal: 14.5 }, { fpVal: 5 }],
      })),
    },
    {
      dataSourceId: 'raw:com.google.heart_rate.bpm:app:hr',
      point: Array.from({ length: heartRates }, (_, i) => ({
        startTimeNanos: nanos(30 + i),
        endTimeNanos: nanos(30 + i),
        dataTypeName: 'com.google.heart_rate.bpm',
        value: [{ fpVal: 120 }],
      })),
    },
  ],
});

/** The limit error a parse threw: BAD_USER_INPUT on `file` naming MAX_SAMPLES_PER_ACTIVITY. */
const limitError = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the sample limit to refuse the file');
};

const expectRefusedAt = (run: () => unknown, max: number, what: RegExp) => {
  const error = limitError(run);
  expect(error.code).toBe('BAD_USER_INPUT');
  expect(error.details).toEqual({ field: 'file', limit: 'MAX_SAMPLES_PER_ACTIVITY' });
  expect(error.message).toContain(`more than ${max} `);
  expect(error.message).toMatch(what);
};

describe('MAX_SAMPLES_PER_ACTIVITY', () => {
  it('holds almost 6 days at 1 Hz, several 24-hour activities', () => {
    expect(MAX_SAMPLES_PER_ACTIVITY).toBe(500_000);
    expect(MAX_SAMPLES_PER_ACTIVITY / 86_400).toBeGreaterThan(5.7);
  });

  it('GPX: accepts the limit, refuses one track or route point more before parsing', () => {
    expect(parseGpx(gpx(3), 3).samples).toHaveLength(3);
    expectRefusedAt(() => parseGpx(gpx(4), 3), 3, /GPX file holds more than 3 <trkpt> points/);
    expectRefusedAt(() => parseGpx(gpx(4, 'rtept'), 3), 3, /<rtept> points/);
    // Counted before the document is read: a malformed document past the limit still names the limit.
    expectRefusedAt(() => parseGpx(`${gpx(4)}<unclosed`, 3), 3, /MAX_SAMPLES_PER_ACTIVITY/);
  });

  it('TCX: accepts the limit, refuses one trackpoint more', () => {
    expect(parseTcx(tcx(3), 3).samples).toHaveLength(3);
    expectRefusedAt(() => parseTcx(tcx(4), 3), 3, /TCX file holds more than 3 <Trackpoint> points/);
  });

  it('FIT: stops decoding at the first record past the limit', () => {
    const file = buildFitActivity();
    expect(parseFit(file, 20).samples).toHaveLength(20);
    expectRefusedAt(() => parseFit(file, 19), 19, /FIT file holds more than 19 records/);
  });

  it('Apple Health: refuses a route or heart-rate list past the limit, and too many merged samples', () => {
    expect(parseAppleHealth(appleHealth(2, 1), 3).samples).toHaveLength(3);
    expectRefusedAt(() => parseAppleHealth(appleHealth(4, 0), 3), 3, /more than 3 route locations/);
    expectRefusedAt(() => parseAppleHealth(appleHealth(0, 4), 3), 3, /more than 3 heart-rate entries/);
    expectRefusedAt(() => parseAppleHealth(appleHealth(3, 1), 3), 3, /samples once heart rate joins/);
  });

  it('Google Fit: refuses a dataset past the limit, and too many merged samples', () => {
    expect(parseGoogleFit(googleFit(2, 1), 3).samples).toHaveLength(3);
    expectRefusedAt(() => parseGoogleFit(googleFit(4, 0), 3), 3, /more than 3 points in one dataset/);
    expectRefusedAt(() => parseGoogleFit(googleFit(3, 1), 3), 3, /samples once the channels join/);
  });
});
