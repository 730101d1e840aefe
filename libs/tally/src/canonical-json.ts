import { createHash } from 'node:crypto';
import { Rational } from './rational';

/**
 * JSON with keys sorted at every depth, bigints and Rationals as strings and
 * no floats, so a recount serialises to the same bytes as the first count.
 * Properties set to undefined are dropped, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

/** sha256 (hex) of the canonical JSON: what a recount must reproduce. */
export function resultHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  if (value instanceof Rational) return JSON.stringify(value.toString());
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'bigint':
      return JSON.stringify(value.toString());
    case 'number':
      // A float in a result would make the bytes depend on formatting: refuse it.
      if (!Number.isSafeInteger(value))
        throw new TypeError(`canonicalJson: ${path} is not an integer (${value})`);
      return String(value);
    case 'object':
      if (Array.isArray(value))
        return `[${value.map((item, i) => write(item, `${path}[${i}]`)).join(',')}]`;
      if (
        Object.getPrototypeOf(value) !== Object.prototype &&
        Object.getPrototypeOf(value) !== null
      ) {
        throw new TypeError(`canonicalJson: ${path} is not plain data`);
      }
      return `{${Object.keys(value)
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .sort()
        .map(
          (key) =>
            `${JSON.stringify(key)}:${write((value as Record<string, unknown>)[key], `${path}.${key}`)}`,
        )
        .join(',')}}`;
    default:
      throw new TypeError(`canonicalJson: ${path} has unsupported type ${typeof value}`);
  }
}
