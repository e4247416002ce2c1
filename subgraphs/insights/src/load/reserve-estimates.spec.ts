import { defaultReserve, knownSport, reserveFromPace, reserveFromRpe } from './reserve-estimates';

describe('reserveFromRpe', () => {
  it('is RPE / 10, clamped to [0.1, 1]', () => {
    expect(reserveFromRpe(6)).toBeCloseTo(0.6, 12);
    expect(reserveFromRpe(0)).toBe(0.1);
    expect(reserveFromRpe(0.5)).toBe(0.1);
    expect(reserveFromRpe(10)).toBe(1);
    expect(reserveFromRpe(11)).toBe(1);
  });
});

describe('reserveFromPace', () => {
  it('is 0.6 at the sport’s moderate-effort speed', () => {
    expect(reserveFromPace('RUN', 2.8 * 3600, 3600)).toBeCloseTo(0.6, 12);
    expect(reserveFromPace('RIDE', 7 * 3600, 3600)).toBeCloseTo(0.6, 12);
    expect(reserveFromPace('POOL_SWIM', 0.8 * 1800, 1800)).toBeCloseTo(0.6, 12);
  });

  it('scales with speed: 10 km in 50 min is 3.333 m/s → 0.6 × 3.333 / 2.8 = 0.714', () => {
    expect(reserveFromPace('RUN', 10_000, 3000)).toBeCloseTo(0.71429, 4);
  });

  it('clamps to [0.3, 0.95]', () => {
    expect(reserveFromPace('WALK', 1000, 3600)).toBe(0.3);
    expect(reserveFromPace('RUN', 10_000, 1200)).toBe(0.95);
  });

  it('is null for sports whose speed says little about effort', () => {
    for (const sport of ['STRENGTH_TRAINING', 'YOGA', 'ELLIPTICAL', 'ALPINE_SKI', 'E_BIKE_RIDE', 'OTHER']) {
      expect(reserveFromPace(sport, 5000, 1800)).toBeNull();
    }
  });

  it('is null without a positive finite distance and time', () => {
    expect(reserveFromPace('RUN', 0, 1800)).toBeNull();
    expect(reserveFromPace('RUN', 5000, 0)).toBeNull();
    expect(reserveFromPace('RUN', Number.POSITIVE_INFINITY, 1800)).toBeNull();
  });
});

describe('knownSport and defaultReserve', () => {
  it('treat an unknown sport, or an inherited property name, as OTHER', () => {
    expect(knownSport('CURLING')).toBe('OTHER');
    expect(knownSport('constructor')).toBe('OTHER');
    expect(defaultReserve('toString')).toBe(0.55);
  });

  it('give the per-sport default intensity', () => {
    expect(defaultReserve('YOGA')).toBe(0.3);
    expect(defaultReserve('STRENGTH_TRAINING')).toBe(0.5);
    expect(defaultReserve('WALK')).toBe(0.4);
    expect(defaultReserve('RUN')).toBe(0.55);
  });
});
