import { FORM_PARAMETERS } from './form-parameters';

describe('FORM_PARAMETERS', () => {
  it('derives the EWMA decay from N: λ = 2 / (N + 1)', () => {
    expect(FORM_PARAMETERS.acuteLambda).toBe(0.25);
    expect(FORM_PARAMETERS.chronicLambda).toBeCloseTo(0.068966, 6);
  });

  it('keeps 35 days of loads: the acute week and the 28 days before it', () => {
    expect(FORM_PARAMETERS.windowDays).toBe(35);
  });

  it('uses the Banister time constants of CTL (42 d) and ATL (7 d)', () => {
    expect([FORM_PARAMETERS.ctlTimeConstantDays, FORM_PARAMETERS.atlTimeConstantDays]).toEqual([42, 7]);
  });
});
