import { Rational } from '../rational';
import { GroupedCounter } from './weights';

/** Most candidates counted by "below" sets: n × 2^n cells per weight group (80 kB at 10). */
const MAX_SET_CANDIDATES = 10;
/** Fewest ballots for which the sets pay: below, expanding them costs more than the pairs would. */
const MIN_SET_BALLOTS = 256;
/**
 * Most weight groups counted by sets (5 MB at 10 candidates). Past it, as
 * with many distinct fractional weights, the sets are turned into pairs and
 * counting goes on pair by pair: memory grows by a dense row per group.
 */
const MAX_SET_GROUPS = 64;

/**
 * What Schulze and ranked pairs count: for each ordered pair, the votes
 * ranking one candidate above the other — and first preferences, for a
 * college's breakdown. Each ballot is added as it is read, no ballot is
 * kept: the pairs of a ballot cost about what hashing it to merge it with
 * its twins would, so merging would not pay.
 *
 * Each weight group has one row of whole counts held in doubles (exact, as
 * every group is: weights.ts): above[a·n + b], the votes ranking a above b
 * with both ranked; then ranked[a], the votes ranking a at all; then
 * first[a]. With unranked candidates below every ranked one,
 * d[a][b] = ranked[a] − above[b·n + a], which also covers b unranked.
 *
 * With few candidates and many ballots, a ballot is not added pair by pair
 * (n(n−1)/2 additions) but candidate by candidate (n): its count goes to the
 * cell (a, the set of candidates it ranks below a), a bitmask. The pairs are
 * read off those n × 2^n cells once, when the row is first read (dense).
 */
export class PairwiseCounts extends GroupedCounter<Uint16Array> {
  /** Per weight group: the dense row, or, counting by sets, the n × 2^n set cells. */
  private readonly rows: Float64Array[] = [];
  /** Counting by sets: first preferences per weight group (the dense row's last n cells). */
  private readonly firsts: Float64Array[] = [];
  private expanded = false;
  readonly bySets: boolean;

  /** `ballots`: how many entries will be added, to choose how to count them. */
  constructor(
    readonly n: number,
    ballots = 0,
  ) {
    super();
    this.bySets = n <= MAX_SET_CANDIDATES && ballots >= MIN_SET_BALLOTS;
  }

  protected addCount(items: Uint16Array, length: number, group: number, count: number): void {
    const n = this.n;
    if (this.bySets && !this.expanded && group >= MAX_SET_GROUPS) this.dense();
    if (this.bySets && !this.expanded) {
      while (this.rows.length <= group) {
        this.rows.push(new Float64Array(n << n));
        this.firsts.push(new Float64Array(n));
      }
      const cells = this.rows[group];
      this.firsts[group][items[0]] += count;
      let below = 0;
      for (let i = length - 1; i >= 0; i--) {
        const a = items[i];
        cells[(a << n) | below] += count;
        below |= 1 << a;
      }
      return;
    }
    while (this.rows.length <= group) this.rows.push(new Float64Array(n * (n + 2)));
    const row = this.rows[group];
    const ranked = n * n;
    row[ranked + n + items[0]] += count;
    for (let i = 0; i < length; i++) {
      const a = items[i];
      const from = a * n;
      row[ranked + a] += count;
      for (let j = i + 1; j < length; j++) row[from + items[j]] += count;
    }
  }

  /** d[a][b], the votes ranking a above b, exactly. */
  matrix(): Rational[][] {
    const n = this.n;
    const rows = this.dense();
    return Array.from({ length: n }, (_, a) =>
      Array.from({ length: n }, (_, b) =>
        a === b ? Rational.ZERO : this.sum(rows, (row) => row[n * n + a] - row[b * n + a]),
      ),
    );
  }

  /** The votes ranking each candidate first, exactly. */
  firstPreferences(): Rational[] {
    const n = this.n;
    const rows = this.dense();
    return Array.from({ length: n }, (_, a) => this.sum(rows, (row) => row[n * n + n + a]));
  }

  /** The dense rows, turning set cells into pairs once. */
  private dense(): Float64Array[] {
    if (!this.bySets || this.expanded) return this.rows;
    this.rows.forEach((cells, g) => (this.rows[g] = expandSets(cells, this.firsts[g], this.n)));
    this.expanded = true;
    return this.rows;
  }

  /** Σ over weight groups of the group's unit × the count `read` takes from its row. */
  private sum(rows: readonly Float64Array[], read: (row: Float64Array) => number): Rational {
    let total = Rational.ZERO;
    rows.forEach((row, g) => {
      const count = read(row);
      if (count === 0) return;
      const unit = this.groups.units[g];
      total = total.add(
        unit.isInteger() ? Rational.of(unit.num * BigInt(count)) : unit.mul(Rational.of(count)),
      );
    });
    return total;
  }
}

/**
 * Set cells → the dense row. above[a][b] sums a's cells whose set holds b.
 * Split each set into its low and high bits: summing a's cells by low part
 * and by high part (one pass over 2^n cells) leaves, for each b, a sum over
 * 2^(n/2) partial sums instead of 2^(n−1) cells. Sums of whole counts no
 * larger than the group's total: exact.
 */
function expandSets(cells: Float64Array, first: Float64Array, n: number): Float64Array {
  const row = new Float64Array(n * (n + 2));
  const lowBits = n >> 1;
  const lowSize = 1 << lowBits;
  const highSize = 1 << (n - lowBits);
  const byLow = new Float64Array(lowSize);
  const byHigh = new Float64Array(highSize);
  for (let a = 0; a < n; a++) {
    byLow.fill(0);
    byHigh.fill(0);
    let ranked = 0;
    const base = a << n;
    for (let high = 0; high < highSize; high++) {
      let sum = 0;
      const from = base | (high << lowBits);
      for (let low = 0; low < lowSize; low++) {
        const count = cells[from | low];
        sum += count;
        byLow[low] += count;
      }
      byHigh[high] = sum;
      ranked += sum;
    }
    row[n * n + a] = ranked;
    for (let b = 0; b < n; b++) {
      const [sums, bit] = b < lowBits ? [byLow, 1 << b] : [byHigh, 1 << (b - lowBits)];
      let above = 0;
      for (let part = bit; part < sums.length; part = (part + 1) | bit) above += sums[part];
      row[a * n + b] = above;
    }
  }
  row.set(first, n * n + n);
  return row;
}
