import { metFor } from './calories';
import { computeMetrics } from './compute-metrics';
import { METRICS_CONFIG } from './metrics-config';
import { emptySample } from './track';
import { meridianTrack, samplesAt1Hz } from './synthetic-tracks';

const hourAtFifteenKmh = meridianTrack([{ seconds: 3600, speedMps: 15 / 3.6 }]);

describe('calories', () => {
  it('takes the device figure when there is one', () => {
    const metrics = computeMetrics('RUN', { ...hourAtFifteenKmh, deviceCalories: 512 }, { weightKg: 80 });
    expect(metrics).toMatchObject({ calories: 512, caloriesSource: 'DEVICE' });
  });

  it('estimates MET × weight × moving hours otherwise: 1 h at 15 km/h is 12.8 MET', () => {
    expect(computeMetrics('RUN', hourAtFifteenKmh, { weightKg: 60 })).toMatchObject({
      calories: Math.round(12.8 * 60),
      caloriesSource: 'MET',
    });
    expect(computeMetrics('RUN', { ...hourAtFifteenKmh, deviceCalories: 0 }, {})).toMatchObject({
      calories: Math.round(12.8 * 70),
      caloriesSource: 'MET',
    });
  });

  it('uses a constant MET for sports without speed bands', () => {
    const yoga = { samples: samplesAt1Hz(3600, () => ({})), pauses: [] };
    expect(computeMetrics('YOGA', yoga, {})).toMatchObject({ calories: 175, caloriesSource: 'MET' });
  });

  it('picks the speed band of the average speed, or the sport default without speed', () => {
    expect(metFor('RIDE', 25 / 3.6, METRICS_CONFIG)).toBe(10);
    expect(metFor('RIDE', 10 / 3.6, METRICS_CONFIG)).toBe(4);
    expect(metFor('RIDE', null, METRICS_CONFIG)).toBe(7.5);
    expect(metFor('WALK', 5 / 3.6, METRICS_CONFIG)).toBe(3.5);
  });

  it('is null without timestamps and without a device figure', () => {
    const untimed = { samples: [emptySample(null), emptySample(null)], pauses: [] };
    expect(computeMetrics('RUN', untimed, {})).toMatchObject({ calories: null, caloriesSource: null });
  });
});
