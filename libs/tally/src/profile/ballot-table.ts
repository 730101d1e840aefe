import { Weight, WeightGroups, weightParts } from './weights';

/**
 * The distinct ballots of a count, each a short sequence of small integers
 * (candidate indices, or grades), stored flat: ballot e is
 * items[start[e] .. start[e + 1]), held `count[e]` times in weight group
 * `group[e]`. Identical ballots are merged by hashing, so the work of every
 * method grows with distinct ballots, not voters, even when the caller did
 * not aggregate them.
 */
export class BallotTable {
  readonly groups = new WeightGroups();
  size = 0;
  start: Uint32Array;
  items: Uint16Array;
  count: Float64Array;
  group: Uint32Array;
  private hashes: Int32Array;
  /** Open addressing: slot → ballot index + 1 (0 is empty). */
  private slots: Int32Array;

  constructor(expectedBallots = 16) {
    const capacity = Math.max(16, expectedBallots);
    this.start = new Uint32Array(capacity + 1);
    this.items = new Uint16Array(capacity * 4);
    this.count = new Float64Array(capacity);
    this.group = new Uint32Array(capacity);
    this.hashes = new Int32Array(capacity);
    this.slots = new Int32Array(tableSize(capacity));
  }

  /** Adds `weight` copies of the ballot items[0 .. length). */
  add(items: ArrayLike<number>, length: number, weight: Weight): void {
    if (typeof weight === 'bigint' && weight > 0n && weight <= 0xffffffffn) {
      const count = Number(weight);
      this.addCount(items, length, this.groups.reserve(1n, count), count);
      return;
    }
    const { num, den } = weightParts(weight);
    if (num === 0n) return;
    const count = Number(num);
    const group = num <= BigInt(Number.MAX_SAFE_INTEGER) ? this.groups.reserve(den, count) : -1;
    if (group >= 0) return this.addCount(items, length, group, count);
    for (const chunk of this.groups.chunks(num, den))
      this.addCount(items, length, chunk.group, chunk.count);
  }

  /** Number of items of ballot e. */
  length(e: number): number {
    return this.start[e + 1] - this.start[e];
  }

  private addCount(items: ArrayLike<number>, length: number, group: number, count: number): void {
    let hash = Math.imul(0x811c9dc5 ^ group, 0x01000193);
    for (let i = 0; i < length; i++) hash = Math.imul(hash ^ items[i], 0x01000193);
    hash = Math.imul(hash ^ length, 0x01000193);
    const mask = this.slots.length - 1;
    for (let slot = (hash ^ (hash >>> 16)) & mask; ; slot = (slot + 1) & mask) {
      const found = this.slots[slot] - 1;
      if (found < 0) {
        this.slots[slot] = this.append(items, length, group, count, hash) + 1;
        return;
      }
      if (
        this.hashes[found] === hash &&
        this.group[found] === group &&
        this.sameItems(found, items, length)
      ) {
        this.count[found] += count;
        return;
      }
    }
  }

  private sameItems(e: number, items: ArrayLike<number>, length: number): boolean {
    const from = this.start[e];
    if (this.start[e + 1] - from !== length) return false;
    for (let i = 0; i < length; i++) if (this.items[from + i] !== items[i]) return false;
    return true;
  }

  private append(
    items: ArrayLike<number>,
    length: number,
    group: number,
    count: number,
    hash: number,
  ): number {
    const e = this.size;
    if (e + 1 >= this.count.length) this.grow();
    const from = this.start[e];
    if (from + length > this.items.length)
      this.items = resize(this.items, Math.max(this.items.length * 2, from + length));
    for (let i = 0; i < length; i++) this.items[from + i] = items[i];
    this.start[e + 1] = from + length;
    this.count[e] = count;
    this.group[e] = group;
    this.hashes[e] = hash;
    this.size = e + 1;
    return e;
  }

  private grow(): void {
    const capacity = this.count.length * 2;
    this.start = resize(this.start, capacity + 1);
    this.count = resize(this.count, capacity);
    this.group = resize(this.group, capacity);
    this.hashes = resize(this.hashes, capacity);
    if (tableSize(capacity) > this.slots.length) this.rehash(tableSize(capacity));
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    const mask = size - 1;
    for (let e = 0; e < this.size; e++) {
      const hash = this.hashes[e];
      let slot = (hash ^ (hash >>> 16)) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = e + 1;
    }
  }
}

/** A power of two at least twice the ballot capacity, keeping probes short. */
function tableSize(capacity: number): number {
  let size = 16;
  while (size < capacity * 2) size *= 2;
  return size;
}

function resize<T extends Uint32Array | Uint16Array | Float64Array | Int32Array>(
  array: T,
  length: number,
): T {
  const bigger = new (array.constructor as new (length: number) => T)(length);
  bigger.set(array);
  return bigger;
}
