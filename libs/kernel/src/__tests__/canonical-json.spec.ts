import fc from 'fast-check';
import { canonicalJson } from '../canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: undefined, x: 0 }], c: 'é' } })).toBe(
      '{"a":{"c":"é","d":[2,{"x":0,"z":1}]},"b":1}',
    );
  });

  it('writes dates as ISO strings', () => {
    expect(canonicalJson({ at: new Date('2026-11-22T10:00:00.000Z') })).toBe(
      '{"at":"2026-11-22T10:00:00.000Z"}',
    );
  });

  it('gives the same bytes whatever the key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(object));
      }),
    );
  });
});
