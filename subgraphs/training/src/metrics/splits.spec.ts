import { computeMetrics } from './compute-metrics';
import { MAX_SPLITS } from './splits';
import { emptySampleAt, meridianTrack } from './synthetic-tracks';

/** 4:00 per km. */
const FOUR_MINUTE_KM = 1000 / 240;

describe('splits', () => {
  it('cuts a 5.5 km run at 4:00/km into 5 full kilometres and a partial one', () => {
    const metrics = computeMetrics('RUN', meridianTrack([{ seconds: 1320, speedMps: FOUR_MINUTE_KM }]), {});
    const { kilometre } = metrics.splits;
    expect(kilometre).toHaveLength(6);
    for (const split of kilometre.slice(0, 5)) {
      expect(split).toMatchObject({ distanceMeters: 1000, elapsedSeconds: 240, movingSeconds: 240 });
    }
    expect(kilometre[5]).toMatchObject({
      index: 6,
      distanceMeters: 500,
      elapsedSeconds: 120,
      movingSeconds: 120,
    });
    expect(kilometre.map((split) => split.index)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('cuts the same run into 3 full miles and a partial one', () => {
    const metrics = computeMetrics('RUN', meridianTrack([{ seconds: 1320, speedMps: FOUR_MINUTE_KM }]), {});
    const { mile } = metrics.splits;
    expect(mile).toHaveLength(4);
    expect(mile[0]).toMatchObject({ distanceMeters: 1609.3, elapsedSeconds: 386.2 });
    expect(mile[3]).toMatchObject({ index: 4, distanceMeters: 672, elapsedSeconds: 161.3 });
  });

  it('gives each split its elevation gain and average heart rate', () => {
    // A steady 2 % climb; 120 bpm for the first 3 km (720 s), 160 bpm after.
    const track = meridianTrack([{ seconds: 1200, speedMps: FOUR_MINUTE_KM }], (t, meters) => ({
      altitude: 100 + meters * 0.02,
      heartRate: t <= 720 ? 120 : 160,
    }));
    const metrics = computeMetrics('RUN', track, {});
    const { kilometre } = metrics.splits;
    expect(kilometre.map((split) => split.averageHeartRate)).toEqual([120, 120, 120, 160, 160]);
    for (const split of kilometre.slice(1)) expect(split.elevationGainMeters).toBeCloseTo(20, 0);
    const splitGain = kilometre.reduce((sum, split) => sum + split.elevationGainMeters, 0);
    expect(splitGain).toBeCloseTo(metrics.elevationGainMeters!, 0);
  });

  it('has no split under the minimum partial distance', () => {
    const metrics = computeMetrics('RUN', meridianTrack([{ seconds: 240, speedMps: FOUR_MINUTE_KM }]), {});
    expect(metrics.splits.kilometre).toEqual([
      {
        index: 1,
        distanceMeters: 1000,
        elapsedSeconds: 240,
        movingSeconds: 240,
        elevationGainMeters: 0,
        averageHeartRate: null,
      },
    ]);
  });

  it('lists at most MAX_SPLITS splits, however far untimed positions claim to go', () => {
    // Untimed hops between antipodes count for distance (no speed to check) but not for splits' clocks.
    const hops = Array.from({ length: 8 }, (_, i) =>
      emptySampleAt(0, { time: null, latitude: 0.5, longitude: i % 2 ? -179 : 1 }),
    );
    const samples = [
      emptySampleAt(0, { latitude: 0.5, longitude: 1 }),
      ...hops,
      emptySampleAt(60, { latitude: 0.5, longitude: 1.001 }),
    ];
    const metrics = computeMetrics('RUN', { samples, pauses: [] }, {});
    expect(metrics.distanceMeters).toBeGreaterThan(MAX_SPLITS * 1000);
    expect(metrics.splits.kilometre).toHaveLength(MAX_SPLITS);
    expect(metrics.splits.mile.length).toBeLessThanOrEqual(MAX_SPLITS);
  });
});
