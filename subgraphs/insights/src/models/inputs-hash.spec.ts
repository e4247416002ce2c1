import { createHash } from 'node:crypto';

import { canonicalJson, inputsHash } from './inputs-hash';

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps arrays in order', () => {
    expect(canonicalJson({ b: [3, { z: 1, a: 2 }], a: 'x' })).toBe('{"a":"x","b":[3,{"a":2,"z":1}]}');
  });

  it('writes numbers and strings as JSON does', () => {
    expect(canonicalJson([1e21, 0.1, -0, 1.5e-7, 'é"\n'])).toBe('[1e+21,0.1,0,1.5e-7,"é\\"\\n"]');
  });

  it('leaves out undefined properties and writes undefined array items as null, like JSON.stringify', () => {
    expect(canonicalJson({ a: undefined, b: null, c: [undefined] })).toBe('{"b":null,"c":[null]}');
  });

  it('writes a date as its ISO text', () => {
    expect(canonicalJson({ at: new Date(Date.UTC(2024, 0, 2)) })).toBe('{"at":"2024-01-02T00:00:00.000Z"}');
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('refuses the non-finite number %s', (bad) => {
    expect(() => canonicalJson({ form: { tsb: bad } })).toThrow('$.form.tsb');
  });

  it('refuses values JSON cannot spell', () => {
    expect(() => canonicalJson({ n: BigInt(1) })).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });
});

describe('inputsHash', () => {
  it('is the SHA-256 hex of the canonical JSON', () => {
    const expected = createHash('sha256').update('{"a":1}').digest('hex');
    expect(inputsHash({ a: 1 })).toBe(expected);
    expect(inputsHash({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on key order', () => {
    expect(inputsHash({ date: '2024-05-01', form: { tsb: -3, day: 40 } })).toBe(
      inputsHash({ form: { day: 40, tsb: -3 }, date: '2024-05-01' }),
    );
  });

  it('changes with any value, with array order and with type', () => {
    const base = inputsHash({ tsb: -30, gear: ['a', 'b'] });
    expect(inputsHash({ tsb: -30.5, gear: ['a', 'b'] })).not.toBe(base);
    expect(inputsHash({ tsb: -30, gear: ['b', 'a'] })).not.toBe(base);
    expect(inputsHash({ tsb: '-30', gear: ['a', 'b'] })).not.toBe(base);
    expect(inputsHash({ tsb: -30, gear: ['a', 'b'], extra: null })).not.toBe(base);
  });
});
