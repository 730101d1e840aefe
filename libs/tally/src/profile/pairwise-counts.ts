import { Rational } from '../rational';
import { GroupedCounter } from './weights';

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
 */
export class PairwiseCounts extends GroupedCounter<Uint16Array> {
  private readonly rows: Float64Array[] = [];

  constructor(readonly n: number) {
    super();
  }

  protected addCount(items: Uint16Array, length: number, group: number, count: number): void {
    while (this.rows.length <= group) this.rows.push(new Float64Array(this.n * (this.n + 2)));
    const row = this.rows[group];
    const n = this.n;
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
    return Array.from({ length: n }, (_, a) =>
      Array.from({ length: n }, (_, b) =>
        a === b ? Rational.ZERO : this.sum((row) => row[n * n + a] - row[b * n + a]),
      ),
    );
  }

  /** The votes ranking each candidate first, exactly. */
  firstPreferences(): Rational[] {
    const n = this.n;
    return Array.from({ length: n }, (_, a) => this.sum((row) => row[n * n + n + a]));
  }

  /** Σ over weight groups of the group's unit × the count `read` takes from its row. */
  private sum(read: (row: Float64Array) => number): Rational {
    let total = Rational.ZERO;
    this.rows.forEach((row, g) => {
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
