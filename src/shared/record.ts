/**
 * Records keyed by a fixed list (runtimes, tables, clients, groups). Building one by assigning
 * into `{} as Record<K, V>` lets a forgotten key type-check and read as `undefined`; these two
 * helpers keep that cast in one place and make every key come from the list itself.
 */

/** A record with exactly `keys`, each value made by `make`, called in key order. */
export function recordOf<K extends string, V>(
  keys: readonly K[],
  make: (key: K) => V,
): Record<K, V> {
  const record = {} as Record<K, V>;
  for (const key of keys) record[key] = make(key);
  return record;
}

/** The same keys as `record`, each value mapped by `map`. */
export function mapRecord<K extends string, V, W>(
  record: Readonly<Record<K, V>>,
  map: (value: V, key: K) => W,
): Record<K, W> {
  return recordOf(Object.keys(record) as K[], (key) => map(record[key], key));
}
