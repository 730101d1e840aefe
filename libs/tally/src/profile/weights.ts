import { Rational } from '../rational';
import { TallyInputError } from '../tally.errors';

/** A ballot's weight: a count of identical ballots, or an exact fraction when colleges are weighted. */
export type Weight = bigint | Rational;

/**
 * Largest total count in one weight group. STV multiplies counts by transfer
 * values of at most 10^5 (five decimals); below this bound every such sum is
 * an integer under 2^53, which a double holds exactly.
 */
export const MAX_GROUP_COUNT = Math.floor(Number.MAX_SAFE_INTEGER / 100_000);

/** The weight as a number when it is a plain count (a bigint from 1 to 2^32, far below any group's limit), else 0. */
export function plainCount(weight: Weight): number {
  return typeof weight === 'bigint' && weight > 0n && weight <= 0xffffffffn ? Number(weight) : 0;
}

/** Checks a weight and returns it as numerator/denominator (zero is allowed and counts for nothing). */
export function weightParts(weight: Weight): { num: bigint; den: bigint } {
  if (typeof weight === 'bigint') {
    if (weight < 0n)
      throw new TallyInputError('INVALID_WEIGHT', `A ballot weight is negative (${weight})`);
    return { num: weight, den: 1n };
  }
  if (!(weight instanceof Rational)) {
    throw new TallyInputError(
      'INVALID_WEIGHT',
      'A ballot weight must be a bigint count or a Rational',
    );
  }
  if (weight.sign() < 0)
    throw new TallyInputError('INVALID_WEIGHT', `A ballot weight is negative (${weight})`);
  return { num: weight.num, den: weight.den };
}

export function toRational(weight: Weight): Rational {
  return typeof weight === 'bigint' ? Rational.of(weight) : weight;
}

/**
 * A weight n/d is stored as the count n of the unit 1/d. Ballots sharing a
 * unit form a group whose counts add up as plain integers in doubles; the
 * hot loops never touch a bigint. Rationals appear only when a group's sum is
 * read. A group is closed when it would pass MAX_GROUP_COUNT.
 */
export class WeightGroups {
  readonly units: Rational[] = [];
  /** Total count held by each group. */
  readonly totals: number[] = [];
  private readonly filling = new Map<bigint, number>();
  /** The group of unit 1 now filling, or -1: most ballots are plain counts, reserved without touching a bigint. */
  private plainGroup = -1;

  /** The group of unit 1 with room for a plain count (see plainCount). */
  reservePlain(count: number): number {
    const group = this.plainGroup;
    if (group >= 0 && this.totals[group] + count <= MAX_GROUP_COUNT) {
      this.totals[group] += count;
      return group;
    }
    return this.reserve(1n, count);
  }

  /** The group of unit 1/den with room for `count` more, opening one if needed; -1 if count alone is too large. */
  reserve(den: bigint, count: number): number {
    if (count > MAX_GROUP_COUNT) return -1;
    // Ballots mostly share one unit: try the last group first, sparing a Map lookup per ballot.
    const last = this.units.length - 1;
    if (last >= 0 && this.units[last].den === den && this.totals[last] + count <= MAX_GROUP_COUNT) {
      this.totals[last] += count;
      return last;
    }
    let group = this.filling.get(den);
    if (group === undefined || this.totals[group] + count > MAX_GROUP_COUNT) {
      group = this.units.length;
      this.units.push(Rational.of(1n, den));
      this.totals.push(0);
      this.filling.set(den, group);
      if (den === 1n) this.plainGroup = group;
    }
    this.totals[group] += count;
    return group;
  }

  /** Gives back a count reserved for a ballot that turned out not to count. */
  release(group: number, count: number): void {
    this.totals[group] -= count;
  }

  /** Splits a count too large for one group into chunks; each chunk becomes its own identical ballot. */
  *chunks(num: bigint, den: bigint): Generator<{ group: number; count: number }> {
    let left = num;
    while (left > 0n) {
      const take = left > BigInt(MAX_GROUP_COUNT) ? MAX_GROUP_COUNT : Number(left);
      yield { group: this.reserve(den, take), count: take };
      left -= BigInt(take);
    }
  }

  /** The exact weight held in all groups together. */
  total(): Rational {
    let sum = Rational.ZERO;
    this.units.forEach((unit, g) => (sum = sum.add(unit.mul(Rational.of(this.totals[g])))));
    return sum;
  }
}

/**
 * Something that counts ballots by weight group: it turns each weight into
 * (group, whole count) shares — one share for an ordinary count, several
 * when a weight is too large for one exact group — and hands each share to
 * `addCount`. Only what is counted per share differs between subclasses.
 */
export abstract class GroupedCounter<Items> {
  readonly groups = new WeightGroups();

  /** Adds `weight` copies of the ballot items[0 .. length). */
  add(items: Items, length: number, weight: Weight): void {
    const count = plainCount(weight);
    if (count > 0) {
      this.addCount(items, length, this.groups.reservePlain(count), count);
      return;
    }
    const { num, den } = weightParts(weight);
    if (num === 0n) return;
    const group =
      num <= BigInt(Number.MAX_SAFE_INTEGER) ? this.groups.reserve(den, Number(num)) : -1;
    if (group >= 0) return this.addCount(items, length, group, Number(num));
    for (const chunk of this.groups.chunks(num, den))
      this.addCount(items, length, chunk.group, chunk.count);
  }

  /** Adds `count` copies in unit 1, where count is a whole number already within one group's limit (another table's count). */
  addWhole(items: Items, length: number, count: number): void {
    this.addCount(items, length, this.groups.reservePlain(count), count);
  }

  protected abstract addCount(items: Items, length: number, group: number, count: number): void;
}

/** An exact running sum of weights outside the hot loops (invalid, blank, abstentions), kept per denominator. */
export class WeightSum {
  private readonly byDen = new Map<bigint, bigint>();

  add(weight: Weight): void {
    const { num, den } = weightParts(weight);
    this.byDen.set(den, (this.byDen.get(den) ?? 0n) + num);
  }

  value(): Rational {
    let sum = Rational.ZERO;
    for (const [den, num] of this.byDen) sum = sum.add(Rational.of(num, den));
    return sum;
  }
}

/**
 * Exact sums of counts per cell and weight group, held as integers in a
 * Float64Array (exact below 2^53); converted to a Rational only when read.
 */
export class ExactSums {
  readonly counts: Float64Array;
  private readonly groups: number;

  constructor(
    readonly cells: number,
    private readonly units: readonly Rational[],
  ) {
    this.groups = units.length;
    this.counts = new Float64Array(cells * this.groups);
  }

  add(cell: number, group: number, count: number): void {
    this.counts[cell * this.groups + group] += count;
  }

  /** The cell's exact value; `scale` divides it (STV sums are in 10^-5 of a vote). */
  total(cell: number, scale = 1n): Rational {
    let sum = Rational.ZERO;
    for (let g = 0; g < this.groups; g++) {
      const count = this.counts[cell * this.groups + g];
      if (count !== 0) sum = sum.add(this.units[g].mul(Rational.of(BigInt(count), scale)));
    }
    return sum;
  }

  clear(cell: number): void {
    this.counts.fill(0, cell * this.groups, (cell + 1) * this.groups);
  }

  isZero(cell: number): boolean {
    for (let g = 0; g < this.groups; g++)
      if (this.counts[cell * this.groups + g] !== 0) return false;
    return true;
  }
}
