import { computeMetrics } from './compute-metrics';
import { START_MS, meridianTrack } from './synthetic-tracks';

const FOUR_MINUTE_KM = 1000 / 240;

describe('best efforts', () => {
  it('finds 240 s for 1 km in a 12 km run at a constant 4:00/km, and only the distances covered', () => {
    const metrics = computeMetrics('RUN', meridianTrack([{ seconds: 2880, speedMps: FOUR_MINUTE_KM }]), {});
    expect(
      metrics.bestEfforts.map(({ name, distanceMeters, seconds }) => ({ name, distanceMeters, seconds })),
    ).toEqual([
      { name: '400m', distanceMeters: 400, seconds: 96 },
      { name: '1k', distanceMeters: 1000, seconds: 240 },
      { name: '1mile', distanceMeters: 1609.344, seconds: 386.2 },
      { name: '5k', distanceMeters: 5000, seconds: 1200 },
      { name: '10k', distanceMeters: 10_000, seconds: 2400 },
    ]);
  });

  it('finds a fast kilometre in the middle of the run, with its start offset', () => {
    // 2 km at 4:00/km, 1 km at 3:20/km (5 m/s), 2.5 km at 4:00/km.
    const track = meridianTrack([
      { seconds: 480, speedMps: FOUR_MINUTE_KM },
      { seconds: 200, speedMps: 5 },
      { seconds: 600, speedMps: FOUR_MINUTE_KM },
    ]);
    const efforts = new Map(
      computeMetrics('RUN', track, {}).bestEfforts.map((effort) => [effort.name, effort]),
    );
    expect(efforts.get('1k')).toMatchObject({ seconds: 200, startOffsetSeconds: 480 });
    expect(efforts.get('400m')).toMatchObject({ seconds: 80 });
    expect(efforts.get('400m')!.startOffsetSeconds).toBeGreaterThanOrEqual(480);
    expect(efforts.get('400m')!.startOffsetSeconds).toBeLessThanOrEqual(600);
    // The best mile holds the fast kilometre and 609.344 m at 4:00/km.
    expect(efforts.get('1mile')!.seconds).toBeCloseTo(200 + 609.344 * 0.24, 1);
    expect(efforts.get('5k')!.seconds).toBe(1160);
  });

  it('counts start offsets from the recording start when given', () => {
    const track = {
      ...meridianTrack([{ seconds: 300, speedMps: FOUR_MINUTE_KM }]),
      startedAt: START_MS - 30_000,
      finishedAt: START_MS + 300_000,
    };
    const [first] = computeMetrics('RUN', track, {}).bestEfforts;
    expect(first).toMatchObject({ name: '400m', seconds: 96, startOffsetSeconds: 30 });
  });

  it('has none on a track shorter than 400 m', () => {
    const metrics = computeMetrics('RUN', meridianTrack([{ seconds: 60, speedMps: 3 }]), {});
    expect(metrics.bestEfforts).toEqual([]);
  });
});
