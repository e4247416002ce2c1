import { SPORTS } from '../../../../lib/sports';
import { BANISTER_WEIGHTINGS, DEFAULT_RESERVE, PACE, REFERENCE_SPEED_MPS, SESSION_RPE } from './load-config';

describe('load-config', () => {
  it("copies training's Banister coefficients (male 0.64·e^1.92x, female 0.86·e^1.67x)", () => {
    expect(BANISTER_WEIGHTINGS).toEqual({
      male: { factor: 0.64, exponent: 1.92 },
      female: { factor: 0.86, exponent: 1.67 },
    });
  });

  it('has a reference speed (or none) and a default intensity for every sport', () => {
    for (const sport of SPORTS) {
      const speed = REFERENCE_SPEED_MPS[sport];
      expect(speed === null || speed > 0).toBe(true);
      expect(DEFAULT_RESERVE[sport]).toBeGreaterThan(0);
      expect(DEFAULT_RESERVE[sport]).toBeLessThanOrEqual(1);
    }
  });

  it('skips pace for the indoor sports without a meaningful speed', () => {
    expect(REFERENCE_SPEED_MPS.STRENGTH_TRAINING).toBeNull();
    expect(REFERENCE_SPEED_MPS.YOGA).toBeNull();
    expect(REFERENCE_SPEED_MPS.ELLIPTICAL).toBeNull();
    expect(REFERENCE_SPEED_MPS.TREADMILL_RUN).toBe(2.8);
  });

  it('keeps every clamp inside the heart-rate reserve', () => {
    expect(0 < SESSION_RPE.minReserve && SESSION_RPE.maxReserve <= 1).toBe(true);
    expect(0 < PACE.minReserve && PACE.minReserve < PACE.reserveAtReferenceSpeed).toBe(true);
    expect(PACE.reserveAtReferenceSpeed < PACE.maxReserve && PACE.maxReserve <= 1).toBe(true);
  });
});
