import { parseFit } from './fit';
import {
  buildFitActivity,
  FIT_CALORIES,
  FIT_DISTANCE_METERS,
  FIT_START,
  FIT_START_LATITUDE,
  FIT_START_LONGITUDE,
} from './fit.test-data';
import { badInputMessage as messageOf } from './test-errors';

describe('parseFit', () => {
  const start = FIT_START.getTime();

  it('reads records, device, session totals and the timer pause of a real FIT file', () => {
    const activity = parseFit(buildFitActivity());
    expect(activity.format).toBe('FIT');
    expect(activity.sport).toBe('RUN');
    expect(activity.device).toBe('garmin/3113/3999999999');
    expect(activity.samples).toHaveLength(20);
    expect(activity.calories).toBe(FIT_CALORIES);
    expect(activity.deviceDistanceMeters).toBe(FIT_DISTANCE_METERS);
    expect(activity.startedAt).toBe(start);
    expect(activity.finishedAt).toBe(start + 78_000);
    expect(activity.pauses).toEqual([{ from: start + 9_000, to: start + 69_000 }]);
    expect(activity.segmentStarts).toEqual([10]);
    expect(activity.barometricAltitude).toBe(true);

    const [first] = activity.samples;
    expect(first?.time).toBe(start);
    expect(first?.latitude).toBeCloseTo(FIT_START_LATITUDE, 6);
    expect(first?.longitude).toBeCloseTo(FIT_START_LONGITUDE, 6);
    expect(first?.altitude).toBeCloseTo(300, 5);
    expect(first?.heartRate).toBe(120);
    // 80.5 strides per minute (cadence + fractional cadence) → 161 steps per minute for a run.
    expect(first?.cadence).toBeCloseTo(161, 5);
    expect(first?.power).toBe(250);
    expect(first?.speed).toBeCloseTo(3, 5);
    expect(first?.temperature).toBe(20);
    expect(activity.samples[10]?.time).toBe(start + 69_000);
    expect(activity.samples[19]?.heartRate).toBe(139);
  });

  it('maps sport and sub-sport, keeps cycling cadence as is, and is not barometric off Garmin', () => {
    const ride = parseFit(
      buildFitActivity({ sport: 'cycling', subSport: 'gravelCycling', manufacturer: 'wahooFitness' }),
    );
    expect(ride.sport).toBe('GRAVEL_RIDE');
    expect(ride.samples[0]?.cadence).toBeCloseTo(80.5, 5);
    expect(ride.device).toBe('wahooFitness/3113/3999999999');
    expect(ride.barometricAltitude).toBe(false);
    expect(parseFit(buildFitActivity({ sport: 'running', subSport: 'trail' })).sport).toBe('TRAIL_RUN');
    expect(parseFit(buildFitActivity({ sport: 'cycling', subSport: 'indoorCycling' })).sport).toBe(
      'VIRTUAL_RIDE',
    );
    expect(parseFit(buildFitActivity({ sport: 'swimming', subSport: 'lapSwimming' })).sport).toBe(
      'POOL_SWIM',
    );
    expect(parseFit(buildFitActivity({ sport: 'swimming', subSport: 'generic' })).sport).toBe(
      'OPEN_WATER_SWIM',
    );
    expect(parseFit(buildFitActivity({ sport: 'training', subSport: 'strengthTraining' })).sport).toBe(
      'STRENGTH_TRAINING',
    );
    expect(parseFit(buildFitActivity({ sport: 'golf', subSport: 'generic' })).sport).toBe('OTHER');
  });

  it('says where the sport came from: the sport field, else the sport profile name', () => {
    expect(parseFit(buildFitActivity({ sport: 'running', subSport: 'trail' }))).toMatchObject({
      sportSource: 'FILE',
      sportReason: 'The file names it: session sport "running/trail".',
    });
    expect(
      parseFit(buildFitActivity({ sport: 'generic', subSport: 'generic', sportProfileName: 'Trail Run' })),
    ).toMatchObject({
      sport: 'TRAIL_RUN',
      sportSource: 'FILE',
      sportReason: 'The file\'s words name it: session sport profile name "Trail Run" ("trail run").',
    });
    expect(parseFit(buildFitActivity({ sport: 'generic', subSport: 'generic' }))).toMatchObject({
      sport: 'OTHER',
      sportSource: 'UNKNOWN',
      sportReason: 'The file names no sport we know (session sport "generic/generic").',
    });
  });

  it('reads an indoor file without positions', () => {
    const activity = parseFit(
      buildFitActivity({ withPositions: false, sport: 'fitnessEquipment', subSport: 'treadmill' }),
    );
    expect(activity.sport).toBe('TREADMILL_RUN');
    expect(activity.samples.every((sample) => sample.latitude === null && sample.longitude === null)).toBe(
      true,
    );
    expect(activity.samples[0]?.heartRate).toBe(120);
  });

  it('refuses a truncated file, naming the sizes', () => {
    const bytes = buildFitActivity();
    expect(messageOf(() => parseFit(bytes.slice(0, bytes.length - 40)))).toMatch(
      /FIT file is truncated: .* but the file has \d+ bytes/,
    );
  });

  it('refuses a file whose CRC does not match', () => {
    const bytes = buildFitActivity();
    const corrupted = bytes.slice();
    corrupted[60] = (corrupted[60] ?? 0) ^ 0xff;
    expect(messageOf(() => parseFit(corrupted))).toMatch(/FIT file is corrupted: the CRC/);
  });

  it('refuses bytes that are not FIT', () => {
    expect(messageOf(() => parseFit(new TextEncoder().encode('<gpx></gpx> and more text')))).toMatch(
      /not a FIT file/,
    );
  });
});
