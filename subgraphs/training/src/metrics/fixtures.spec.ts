import { gpxFixture } from '../../../../lib/testing/gpx-fixtures';
import { parseGpx } from '../files/gpx';
import { computeMetrics } from './compute-metrics';

// Reference values from tests/fixtures/README.md (gpxpy's test files): haversine 2D within segments,
// first → last timestamp, gpxpy's moving time (1 km/h) and uphill/downhill (3-point smoothing).
const REFERENCE = [
  { file: 'korita-zbevnica.gpx', distance: 14_913.8, elapsed: 13_381, moving: 7_084, up: 703.8, down: 710.1 },
  { file: 'cerknicko-jezero.gpx', distance: 4_580.1, elapsed: 7_190, moving: 2_425, up: 223.5, down: 89.4 },
  { file: 'around-visnjan-with-car.gpx', distance: 2_736.3, elapsed: 514, moving: 308, up: 49.7, down: 50.2 },
] as const;

const within = (actual: number | null, expected: number, tolerance: number) =>
  expect(Math.abs(actual! - expected) / expected).toBeLessThanOrEqual(tolerance);

function metricsOf(file: string) {
  const activity = parseGpx(gpxFixture(file).toString('utf8'));
  // The files name no sport: OTHER, as an import without a sport gets.
  return computeMetrics('OTHER', activity, {});
}

describe('metrics of the public GPX fixtures', () => {
  it.each(REFERENCE)('$file: distance within 0.5 %, time exact, moving and climbing within 15 %', (ref) => {
    const metrics = metricsOf(ref.file);
    within(metrics.distanceMeters, ref.distance, 0.005);
    expect(metrics.elapsedSeconds).toBe(ref.elapsed);
    within(metrics.movingSeconds, ref.moving, 0.15);
    within(metrics.elevationGainMeters, ref.up, 0.15);
    within(metrics.elevationLossMeters, ref.down, 0.15);
  });

  // gpxpy's moving time is its elapsed minus its stops (1 km/h on 3D steps). Where it steps in 2D too
  // (cerknicko's climbs make its 3D steps faster: 116 s more moving), the stops agree to within 5 s.
  it.each(['around-visnjan-with-car.gpx', 'korita-zbevnica.gpx'])(
    '%s: moving time within 5 s of gpxpy',
    (file) => {
      const ref = REFERENCE.find((entry) => entry.file === file)!;
      expect(Math.abs(metricsOf(file).movingSeconds! - ref.moving)).toBeLessThanOrEqual(5);
    },
  );

  it('track-with-extremes.gpx: distance and elevation without any time-based figure', () => {
    const metrics = metricsOf('track-with-extremes.gpx');
    within(metrics.distanceMeters, 2206.0, 0.005);
    expect(metrics).toMatchObject({ elapsedSeconds: null, movingSeconds: null, averageSpeedMps: null });
    expect(metrics.minElevationMeters).toBe(10);
    expect(metrics.flags.map((f) => f.code)).toEqual(['MISSING_TIME']);
  });
});
