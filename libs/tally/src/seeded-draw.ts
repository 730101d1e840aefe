import { createHash } from 'node:crypto';

/** 2^48: each sample is the first six bytes of a sha256 digest, read big-endian. */
const SAMPLE_SPACE = 2 ** 48;

/**
 * Reproducible lots. Sample i is the first 48 bits of sha256("<seed>:<i>");
 * a draw among n items takes the next sample below the largest multiple of n
 * (so every item is equally likely) and picks sample mod n. Anyone holding the
 * seed can redo every draw with a few lines of code in any language.
 */
export class SeededDraw {
  private nextSample = 0;

  constructor(readonly seed: string) {}

  /** How many samples have been used so far (draws are numbered by their first sample). */
  get samplesUsed(): number {
    return this.nextSample;
  }

  /** A uniform integer in [0, n). */
  below(n: number): number {
    if (!Number.isSafeInteger(n) || n < 1)
      throw new RangeError(`SeededDraw: cannot draw below ${n}`);
    const limit = SAMPLE_SPACE - (SAMPLE_SPACE % n);
    for (;;) {
      const sample = this.sample(this.nextSample++);
      if (sample < limit) return sample % n;
    }
  }

  /** A permutation of items (Fisher–Yates, drawing from the last position down). */
  shuffle<T>(items: readonly T[]): T[] {
    const result = [...items];
    for (let i = result.length - 1; i > 0; i--) {
      const j = this.below(i + 1);
      [result[i], result[j]] = [result[j], result[i]];
    }
    return result;
  }

  private sample(index: number): number {
    const digest = createHash('sha256').update(`${this.seed}:${index}`).digest();
    return digest.readUIntBE(0, 6);
  }
}
