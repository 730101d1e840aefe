/**
 * `{ [keys[i]]: value(i) }`, for the parts of a result keyed by candidate or
 * grade. Built by assignment, several times faster than Object.fromEntries
 * on small records, except for the one key assignment would misread:
 * "__proto__" would set the prototype instead of adding a key, so that one
 * is defined as an ordinary key.
 */
export function recordOf<V>(keys: readonly string[], value: (i: number) => V): Record<string, V> {
  const record: Record<string, V> = {};
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] === '__proto__') {
      Object.defineProperty(record, keys[i], {
        value: value(i),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      record[keys[i]] = value(i);
    }
  }
  return record;
}
