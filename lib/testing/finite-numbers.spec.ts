import { assertFiniteNumbers, firstNonFiniteNumber } from './finite-numbers';

describe('firstNonFiniteNumber', () => {
  it('is null when every number is finite, nulls and strings included', () => {
    expect(
      firstNonFiniteNumber({ a: 1, b: [0, -2.5, null], c: { d: 'x', e: new Float64Array([1]) } }),
    ).toBeNull();
  });

  it('names the path of the first NaN or infinity, through objects, arrays and typed arrays', () => {
    expect(firstNonFiniteNumber({ splits: { kilometre: [{ pace: 1 }, { pace: Infinity }] } })).toEqual({
      path: 'splits.kilometre[1].pace',
      value: Infinity,
    });
    expect(firstNonFiniteNumber([1, new Float64Array([2, NaN])])).toEqual({ path: '[1][1]', value: NaN });
    expect(firstNonFiniteNumber(-Infinity)).toEqual({ path: '', value: -Infinity });
  });

  it('counts an invalid date as NaN', () => {
    expect(firstNonFiniteNumber({ at: new Date(NaN) })).toEqual({ path: 'at.getTime()', value: NaN });
  });

  it('walks a cyclic value once', () => {
    const cyclic: Record<string, unknown> = { n: 1 };
    cyclic.self = cyclic;
    expect(firstNonFiniteNumber(cyclic)).toBeNull();
  });
});

describe('assertFiniteNumbers', () => {
  it('throws naming the path', () => {
    expect(() => assertFiniteNumbers({ gear: { wearPercent: Infinity } }, 'toGear')).toThrow(
      'toGear.gear.wearPercent is Infinity, not a finite number',
    );
    expect(() => assertFiniteNumbers([NaN])).toThrow('result[0] is NaN');
    expect(() => assertFiniteNumbers({ ok: 1 })).not.toThrow();
  });
});
