/** Rows grouped under each of `keys`, in the order of `keys`: the shape a DataLoader batch returns. */
export function groupByKey<T>(
  keys: readonly string[],
  rows: T[],
  keyOf: (row: T) => string,
): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key)!);
}
