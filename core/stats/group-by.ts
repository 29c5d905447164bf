/**
 * Groups items by a key, keeping first-seen order of keys and of items within a group.
 * A null key is a group of its own (e.g. unknown gender), never merged into another.
 * @example groupBy([{ k: 'F' }, { k: 'M' }, { k: 'F' }], (x) => x.k).get('F')?.length // 2
 */
export function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
