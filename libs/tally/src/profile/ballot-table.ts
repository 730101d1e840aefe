import { GroupedCounter } from './weights';

/** Additions watched before deciding whether merging identical ballots pays. */
const MERGE_PROBE = 1 << 16;

/**
 * The distinct ballots of a count, each a short sequence of small integers
 * (candidate indices, or grades), stored flat: ballot e is
 * items[start[e] .. start[e + 1]), held `count[e]` times in weight group
 * `group[e]`. Identical ballots are merged by hashing, so the work of every
 * method grows with distinct ballots, not voters, even when the caller did
 * not aggregate them. Merging only pays when ballots repeat: if fewer than a
 * quarter of the first 65,536 additions were repeats, the rest are appended
 * as they come. Every method gives the same result either way (identical
 * ballots always travel together); only the work differs.
 */
export class BallotTable extends GroupedCounter<Uint16Array> {
  size = 0;
  start: Uint32Array;
  items: Uint16Array;
  count: Float64Array;
  group: Uint32Array;
  private hashes: Int32Array;
  /** Open addressing, two ints a slot: the ballot's hash, then its index + 1 (0 is empty); a probe is one memory read. */
  private slots: Int32Array;
  private merging = true;
  private added = 0;
  private repeats = 0;

  /** Sizes the arrays once for the expected ballots and items, so a large count allocates (and collects) little. */
  constructor(expectedBallots = 16, expectedItems = expectedBallots * 4) {
    super();
    const capacity = Math.max(16, expectedBallots + 1);
    this.start = new Uint32Array(capacity + 1);
    this.items = new Uint16Array(Math.max(64, expectedItems));
    this.count = new Float64Array(capacity);
    this.group = new Uint32Array(capacity);
    // Hashes only matter while merging, which the first MERGE_PROBE ballots decide; they grow past that only if it goes on.
    this.hashes = new Int32Array(Math.min(capacity, MERGE_PROBE + 1));
    // At most half full once the expected ballots are in (merging stops after MERGE_PROBE anyway): no rehash on the way.
    let slotCount = 1024;
    while (slotCount < 2 * Math.min(capacity, MERGE_PROBE)) slotCount *= 2;
    this.slots = new Int32Array(2 * slotCount);
  }

  protected addCount(items: Uint16Array, length: number, group: number, count: number): void {
    if (!this.merging) {
      this.append(items, length, group, count, 0);
      return;
    }
    if (++this.added === MERGE_PROBE && this.repeats * 4 < MERGE_PROBE) {
      this.merging = false;
      this.slots = new Int32Array(0);
    }
    const hash = hashItems(items, length, group);
    const found = this.find(items, length, group, hash);
    if (found >= 0) {
      this.count[found] += count;
      this.repeats++;
      return;
    }
    const e = this.append(items, length, group, count, hash);
    if (this.merging) this.insert(e, hash);
  }

  /** The index of an identical ballot in the same weight group, or -1. */
  private find(items: Uint16Array, length: number, group: number, hash: number): number {
    const { slots, start, items: stored } = this;
    const mask = (slots.length >> 1) - 1;
    if (mask < 0) return -1;
    for (let slot = hash & mask; slots[2 * slot + 1] !== 0; slot = (slot + 1) & mask) {
      const e = slots[2 * slot + 1] - 1;
      if (slots[2 * slot] !== hash || this.group[e] !== group || start[e + 1] - start[e] !== length)
        continue;
      const from = start[e];
      let i = 0;
      while (i < length && stored[from + i] === items[i]) i++;
      if (i === length) return e;
    }
    return -1;
  }

  /** Registers ballot e in the hash table, doubling it to stay at most half full. */
  private insert(e: number, hash: number): void {
    if (2 * this.size > this.slots.length >> 1) this.rehash(this.slots.length);
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let slot = hash & mask;
    while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = e + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(2 * size);
    for (let e = 0; e < this.size - 1; e++) this.insert(e, this.hashes[e]);
  }

  private append(
    items: Uint16Array,
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
    const stored = this.items;
    for (let i = 0; i < length; i++) stored[from + i] = items[i];
    this.start[e + 1] = from + length;
    this.count[e] = count;
    this.group[e] = group;
    if (this.merging) {
      if (e >= this.hashes.length) this.hashes = resize(this.hashes, this.hashes.length * 2);
      this.hashes[e] = hash;
    }
    this.size = e + 1;
    return e;
  }

  private grow(): void {
    const capacity = this.count.length * 2;
    this.start = resize(this.start, capacity + 1);
    this.count = resize(this.count, capacity);
    this.group = resize(this.group, capacity);
  }
}

/** Multiply-xorshift over the items, then murmur3's finaliser, so every bit of a slot index depends on every item. */
function hashItems(items: Uint16Array, length: number, group: number): number {
  let h = Math.imul(group + 1, 0x9e3779b1);
  for (let i = 0; i < length; i++) h = Math.imul(h ^ (items[i] + 1), 0x01000193) ^ (h >>> 15);
  h ^= length;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function resize<T extends Uint32Array | Uint16Array | Float64Array | Int32Array>(
  array: T,
  length: number,
): T {
  const bigger = new (array.constructor as new (length: number) => T)(length);
  bigger.set(array);
  return bigger;
}
