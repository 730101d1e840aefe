import { ValueTransformer } from 'typeorm';

/**
 * bigint columns (money in cents, counts) come back from `pg` as strings.
 * Cents stay exact as JS numbers up to 2^53 (90 trillion dollars); refuse beyond.
 */
export const bigintToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => {
    if (value === null || value === undefined) return value;
    const n = Number(value);
    if (!Number.isSafeInteger(n))
      throw new RangeError(`bigint ${value} exceeds the safe integer range`);
    return n;
  },
};
