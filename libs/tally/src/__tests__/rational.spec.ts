import { Rational } from '../rational';

const r = (text: string) => Rational.parse(text);

describe('Rational', () => {
  it('normalises to lowest terms with a positive denominator', () => {
    expect(Rational.of(6n, -4n).toString()).toBe('-3/2');
    expect(Rational.of(0n, -7n).toString()).toBe('0');
    expect(Rational.of(10n, 5n).toString()).toBe('2');
    expect(Rational.of(2, 6).equals(r('1/3'))).toBe(true);
  });

  it('reduces exactly on both sides of 2^53, where the greatest common divisor moves from bigints to doubles', () => {
    const bigEuclid = (a: bigint, b: bigint): bigint => (b === 0n ? a : bigEuclid(b, a % b));
    const limit = BigInt(Number.MAX_SAFE_INTEGER);
    const values = [1n, 3n, 10n ** 9n, limit - 1n, limit, limit + 1n, limit * 6n, 2n ** 70n * 3n];
    for (const a of values) {
      for (const b of values) {
        for (const common of [1n, 7n, 2n ** 20n]) {
          const g = bigEuclid(a * common, b * common);
          const reduced = Rational.of(a * common, b * common);
          expect([reduced.num, reduced.den]).toEqual([(a * common) / g, (b * common) / g]);
        }
      }
    }
  });

  it('does exact arithmetic', () => {
    expect(r('1/3').add(r('1/6')).toString()).toBe('1/2');
    expect(r('1/3').sub(r('1/2')).toString()).toBe('-1/6');
    expect(r('2/3').mul(r('9/4')).toString()).toBe('3/2');
    expect(r('2/3').div(r('4/9')).toString()).toBe('3/2');
    // 0.1 + 0.2 is 0.3 here, unlike in floating point
    expect(r('1/10').add(r('2/10')).equals(r('3/10'))).toBe(true);
  });

  it('compares without rounding, even with huge terms', () => {
    const big = Rational.of(10n ** 40n + 1n, 10n ** 40n);
    expect(big.compare(Rational.ONE)).toBe(1);
    expect(r('2/3').compare(r('4/6'))).toBe(0);
    expect(r('-1/2').lt(r('-1/3'))).toBe(true);
  });

  it('floors and ceils toward the right integers', () => {
    expect(r('7/2').floor()).toBe(3n);
    expect(r('-7/2').floor()).toBe(-4n);
    expect(r('7/2').ceil()).toBe(4n);
    expect(r('-7/2').ceil()).toBe(-3n);
    expect(r('4').floor()).toBe(4n);
  });

  it('refuses floats, zero denominators and division by zero', () => {
    expect(() => Rational.of(0.5)).toThrow(RangeError);
    expect(() => Rational.of(1n, 0n)).toThrow(RangeError);
    expect(() => r('1/2').div(Rational.ZERO)).toThrow(RangeError);
    expect(() => r('1.5')).toThrow(RangeError);
  });

  it('prints decimals for people, truncated', () => {
    expect(r('2/3').toDecimal(5)).toBe('0.66666');
    expect(r('-1/8').toDecimal(2)).toBe('-0.12');
    expect(r('41').toDecimal(0)).toBe('41');
  });
});
