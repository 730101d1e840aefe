import { Rational } from '../rational';
import { GroupedCounter } from './weights';

/**
 * What majority judgment counts: for each candidate, the votes given each
 * grade — no ballot is kept, since a judge's grades for different candidates
 * never interact. A ballot arrives as its cells (candidate × grade count +
 * grade), one per candidate. Each weight group has its own row of cell
 * counts, whole numbers held in doubles: a cell never holds more than its
 * group's total, so it stays exact for the reason every group does
 * (weights.ts).
 */
export class GradeHistogram extends GroupedCounter<Int32Array> {
  private readonly rows: Float64Array[] = [];
  /** Votes added exactly, cell by cell: ballots that came added up (GradeCounts). */
  private readonly exact: Rational[];

  constructor(readonly cells: number) {
    super();
    this.exact = new Array<Rational>(cells).fill(Rational.ZERO);
  }

  protected addCount(cells: Int32Array, length: number, group: number, count: number): void {
    const row = this.row(group);
    for (let i = 0; i < length; i++) row[cells[i]] += count;
  }

  /** The cell counts of a weight group, for adding to as a ballot is read (see encodeGrades). */
  row(group: number): Float64Array {
    while (this.rows.length <= group) this.rows.push(new Float64Array(this.cells));
    return this.rows[group];
  }

  /** Takes back a ballot added cell by cell that turned out not to count, and its reserved count. */
  takeBack(group: number, cells: Int32Array, length: number, count: number): void {
    const row = this.rows[group];
    for (let i = 0; i < length; i++) row[cells[i]] -= count;
    this.groups.release(group, count);
  }

  /** Adds votes to a cell exactly: a few added-up counts, not a million ballots. */
  addExact(cell: number, votes: Rational): void {
    this.exact[cell] = this.exact[cell].add(votes);
  }

  /** The votes in a cell, exactly. */
  total(cell: number): Rational {
    let sum = this.exact[cell];
    this.rows.forEach((row, g) => {
      if (row[cell] !== 0) sum = sum.add(this.groups.units[g].mul(Rational.of(row[cell])));
    });
    return sum;
  }
}
