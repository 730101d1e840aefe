/**
 * An exact fraction on bigint, always in lowest terms with a positive
 * denominator, so equal values have equal fields and equal strings.
 * Immutable: every operation returns a new value.
 */
export class Rational {
  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  /** n/d in lowest terms. Numbers must be safe integers: a float is never an exact input. */
  static of(n: bigint | number, d: bigint | number = 1n): Rational {
    const num = toBigInt(n);
    const den = toBigInt(d);
    if (den === 0n) throw new RangeError('Rational: denominator is zero');
    if (den === 1n) return new Rational(num, 1n);
    const sign = den < 0n ? -1n : 1n;
    const g = gcd(num < 0n ? -num : num, den < 0n ? -den : den);
    return new Rational((sign * num) / g, (sign * den) / g);
  }

  /** Parses "n", "n/d" or "-n/d", the form toString() writes. */
  static parse(text: string): Rational {
    const match = /^(-?\d+)(?:\/(\d+))?$/.exec(text.trim());
    if (!match) throw new RangeError(`Rational: cannot parse "${text}"`);
    return Rational.of(BigInt(match[1]), match[2] === undefined ? 1n : BigInt(match[2]));
  }

  static from(value: Rational | bigint | number | string): Rational {
    if (value instanceof Rational) return value;
    return typeof value === 'string' ? Rational.parse(value) : Rational.of(value);
  }

  static min(a: Rational, b: Rational): Rational {
    return a.compare(b) <= 0 ? a : b;
  }

  static max(a: Rational, b: Rational): Rational {
    return a.compare(b) >= 0 ? a : b;
  }

  static sum(values: Iterable<Rational>): Rational {
    let total = Rational.ZERO;
    for (const value of values) total = total.add(value);
    return total;
  }

  add(other: Rational): Rational {
    if (this.den === other.den) return Rational.of(this.num + other.num, this.den);
    return Rational.of(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  sub(other: Rational): Rational {
    return this.add(other.neg());
  }

  mul(other: Rational): Rational {
    return Rational.of(this.num * other.num, this.den * other.den);
  }

  div(other: Rational): Rational {
    if (other.num === 0n) throw new RangeError('Rational: division by zero');
    return Rational.of(this.num * other.den, this.den * other.num);
  }

  neg(): Rational {
    return new Rational(-this.num, this.den);
  }

  /** -1, 0 or 1, by cross-multiplication (denominators are positive). */
  compare(other: Rational): -1 | 0 | 1 {
    if (this.den === other.den) return this.num < other.num ? -1 : this.num > other.num ? 1 : 0;
    const left = this.num * other.den;
    const right = other.num * this.den;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  equals(other: Rational): boolean {
    return this.num === other.num && this.den === other.den;
  }

  lt(other: Rational): boolean {
    return this.compare(other) < 0;
  }

  gt(other: Rational): boolean {
    return this.compare(other) > 0;
  }

  gte(other: Rational): boolean {
    return this.compare(other) >= 0;
  }

  isZero(): boolean {
    return this.num === 0n;
  }

  isInteger(): boolean {
    return this.den === 1n;
  }

  sign(): -1 | 0 | 1 {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }

  /** Largest integer ≤ this. */
  floor(): bigint {
    const q = this.num / this.den; // truncates toward zero
    return this.num < 0n && q * this.den !== this.num ? q - 1n : q;
  }

  /** Smallest integer ≥ this. */
  ceil(): bigint {
    return -this.neg().floor();
  }

  /** "n" for an integer, "n/d" otherwise: the canonical text of the value. */
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }

  toJSON(): string {
    return this.toString();
  }

  /** A decimal for people to read, truncated to `places`; never used in a comparison. */
  toDecimal(places: number): string {
    const scale = 10n ** BigInt(places);
    const negative = this.num < 0n;
    const scaled = ((negative ? -this.num : this.num) * scale) / this.den;
    const digits = scaled.toString().padStart(places + 1, '0');
    const whole = digits.slice(0, digits.length - places);
    const fraction = places > 0 ? `.${digits.slice(digits.length - places)}` : '';
    return `${negative && scaled !== 0n ? '-' : ''}${whole}${fraction}`;
  }
}

function toBigInt(value: bigint | number): bigint {
  if (typeof value === 'bigint') return value;
  if (!Number.isSafeInteger(value))
    throw new RangeError(`Rational: ${value} is not a safe integer`);
  return BigInt(value);
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Euclid's algorithm on non-negative integers. Once the smaller one fits in a
 * double it goes on in doubles: every value is then a whole number below
 * 2^53, where % is exact, and a bigint division costs far more.
 */
function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) {
    if (b <= SAFE) {
      let x = Number(b);
      let y = Number(a % b);
      while (y !== 0) [x, y] = [y, x % y];
      return BigInt(x);
    }
    [a, b] = [b, a % b];
  }
  return a === 0n ? 1n : a;
}
