import { createHash } from 'node:crypto';
import { canonicalJson, resultHash } from '../canonical-json';
import { Rational } from '../rational';
import { SeededDraw } from '../seeded-draw';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes bigints and Rationals as strings', () => {
    const value = { b: [{ y: 1n, x: Rational.of(2n, 4n) }], a: 'é', skipped: undefined };
    expect(canonicalJson(value)).toBe('{"a":"é","b":[{"x":"1/2","y":"1"}]}');
  });

  it('gives equal bytes and hashes for equal values built in a different order', () => {
    const one = { round: 1, tallies: { A: Rational.of(3n), B: Rational.of(1n, 3n) } };
    const two = { tallies: { B: Rational.of(2n, 6n), A: Rational.of(3n) }, round: 1 };
    expect(canonicalJson(one)).toBe(canonicalJson(two));
    expect(resultHash(one)).toMatch(/^[0-9a-f]{64}$/);
    expect(resultHash(one)).toBe(resultHash(two));
  });

  it('refuses floats and class instances it cannot write faithfully', () => {
    expect(() => canonicalJson({ share: 0.5 })).toThrow(/share/);
    expect(() => canonicalJson(new Map())).toThrow(TypeError);
  });
});

describe('SeededDraw', () => {
  it('is reproducible from its seed and differs across seeds', () => {
    const draws = (seed: string) => {
      const draw = new SeededDraw(seed);
      return Array.from({ length: 20 }, () => draw.below(7));
    };
    expect(draws('vote-1:abc')).toEqual(draws('vote-1:abc'));
    expect(draws('vote-1:abc')).not.toEqual(draws('vote-2:abc'));
  });

  it('matches the documented algorithm: sha256("<seed>:<i>"), first 48 bits, mod n', () => {
    const first = createHash('sha256').update('seed:0').digest().readUIntBE(0, 6);
    expect(new SeededDraw('seed').below(1000)).toBe(first % 1000);
  });

  it('draws every outcome, roughly uniformly', () => {
    const draw = new SeededDraw('uniformity');
    const counts = [0, 0, 0];
    for (let i = 0; i < 3000; i++) counts[draw.below(3)]++;
    for (const count of counts) expect(count).toBeGreaterThan(900);
    expect(draw.shuffle(['a', 'b', 'c', 'd']).sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});
