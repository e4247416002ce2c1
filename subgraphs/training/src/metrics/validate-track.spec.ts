import { computeMetrics } from './compute-metrics';
import { START_MS, meridianTrack, samplesAt1Hz } from './synthetic-tracks';

describe('track validation', () => {
  it('flags non-monotonic timestamps and leaves them out of time-based metrics only', () => {
    const clean = meridianTrack([{ seconds: 600, speedMps: 3 }], () => ({ heartRate: 140 }));
    const samples = clean.samples.map((sample, index) => {
      if (index === 300) return { ...sample, time: clean.samples[299]!.time };
      if (index === 400) return { ...sample, time: START_MS + 100_000 };
      return sample;
    });
    const metrics = computeMetrics('RUN', { samples, pauses: [] }, {});
    expect(metrics.flags).toEqual([
      expect.objectContaining({ code: 'NON_MONOTONIC_TIME', count: 2, firstIndex: 300 }),
    ]);
    expect(metrics.distanceMeters).toBeCloseTo(1800, 1);
    expect(metrics.elapsedSeconds).toBe(600);
    expect(metrics.movingSeconds).toBe(600);
    expect(metrics.heartRate!.zones.reduce((sum, zone) => sum + zone.seconds, 0)).toBe(600);
  });

  it('flags samples without a time', () => {
    const clean = meridianTrack([{ seconds: 600, speedMps: 3 }]);
    const samples = clean.samples.map((sample, index) =>
      index % 100 === 50 ? { ...sample, time: null } : sample,
    );
    const metrics = computeMetrics('RUN', { samples, pauses: [] }, {});
    expect(metrics.flags).toEqual([
      expect.objectContaining({ code: 'MISSING_TIME', count: 6, firstIndex: 50 }),
    ]);
    expect(metrics.distanceMeters).toBeCloseTo(1800, 1);
    expect(metrics.movingSeconds).toBe(600);
  });

  it('takes a time no date can hold (beyond ±8.64e15 ms) for a missing one, recording bounds included', () => {
    const clean = meridianTrack([{ seconds: 600, speedMps: 3 }]);
    const samples = clean.samples.map((sample, index) =>
      index === 0 ? { ...sample, time: -1e308 } : sample,
    );
    const metrics = computeMetrics('RUN', { samples, pauses: [], startedAt: -1e308, finishedAt: 1e308 }, {});
    expect(metrics.flags).toEqual([
      expect.objectContaining({ code: 'MISSING_TIME', count: 1, firstIndex: 0 }),
    ]);
    expect(metrics.elapsedSeconds).toBe(599);
  });

  it('flags an implausible sensor speed and leaves it out of the treadmill figures', () => {
    const samples = samplesAt1Hz(600, (t) => ({ speed: t === 10 ? 50 : 3 }));
    const metrics = computeMetrics('TREADMILL_RUN', { samples, pauses: [] }, {});
    expect(metrics.maxSpeedMps).toBe(3);
    expect(metrics.flags).toEqual([
      expect.objectContaining({ code: 'SPEED_OUT_OF_RANGE', count: 1, firstIndex: 10 }),
    ]);
  });

  it('names, in each message, what was left out of which metrics', () => {
    const samples = samplesAt1Hz(60, (t) => ({
      heartRate: t === 5 ? 260 : 120,
      altitude: t === 6 ? -900 : 10,
    }));
    const { flags } = computeMetrics('YOGA', { samples, pauses: [] }, {});
    expect(flags.map((flag) => flag.message)).toEqual([
      '1 sample with a heart rate outside 25-250 bpm: left out of heart-rate average, max, zones, splits and TRIMP.',
      '1 sample with an altitude outside -500 to 9000 m: left out of elevation gain, loss, min and max.',
    ]);
  });

  it('never mutates its input', () => {
    const track = meridianTrack([{ seconds: 600, speedMps: 3 }], (t) => ({ heartRate: t === 9 ? 999 : 150 }));
    track.pauses.push({ from: START_MS + 400_000, to: START_MS + 300_000 });
    const before = structuredClone(track);
    computeMetrics('RUN', track, { birthYear: 1980 });
    expect(track).toEqual(before);
  });
});
