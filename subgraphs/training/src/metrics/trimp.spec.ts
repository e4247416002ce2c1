import { computeMetrics } from './compute-metrics';
import { emptySample } from './track';
import { samplesAt1Hz } from './synthetic-tracks';

/** 30 minutes at a constant 150 bpm for an athlete with max 190 and resting 60: HRr = 90 / 130. */
const constantHeartRate = { samples: samplesAt1Hz(1800, () => ({ heartRate: 150 })), pauses: [] };
const reserve = 90 / 130;
const trimpOf = (sex?: 'MALE' | 'FEMALE') =>
  computeMetrics('YOGA', constantHeartRate, { maxHeartRate: 190, restingHeartRate: 60, sex }).trimp;

describe('Banister TRIMP', () => {
  it('matches the hand calculation for a man: 30 × HRr × 0.64·e^(1.92·HRr)', () => {
    const expected = 30 * reserve * 0.64 * Math.exp(1.92 * reserve);
    expect(expected).toBeCloseTo(50.2, 1);
    expect(trimpOf('MALE')).toBeCloseTo(expected, 1);
  });

  it('matches the hand calculation for a woman: 30 × HRr × 0.86·e^(1.67·HRr)', () => {
    const expected = 30 * reserve * 0.86 * Math.exp(1.67 * reserve);
    expect(trimpOf('FEMALE')).toBeCloseTo(expected, 1);
  });

  it('uses the mean of both weightings when the sex is unknown', () => {
    const male = 0.64 * Math.exp(1.92 * reserve);
    const female = 0.86 * Math.exp(1.67 * reserve);
    const expected = 30 * reserve * ((male + female) / 2);
    expect(trimpOf()).toBeCloseTo(expected, 1);
  });

  it('is null without heart rate or without timestamps', () => {
    const withoutHeartRate = { samples: samplesAt1Hz(600, () => ({})), pauses: [] };
    const withoutTime = {
      samples: [150, 150, 150].map((bpm) => ({ ...emptySample(null), heartRate: bpm })),
      pauses: [],
    };
    expect(computeMetrics('YOGA', withoutHeartRate, {}).trimp).toBeNull();
    expect(computeMetrics('YOGA', withoutTime, {}).trimp).toBeNull();
  });
});
