/**
 * The list's sort, done once per loaded set and sort rather than on every filter change: the order of all entries
 * by a sort is kept (positions in a typed array), and a filtered list in that order is a walk over it keeping the
 * entries the filter kept. The order equals `sortEntries`'s: entries without the key last, ties in load order.
 */
import { sortEntries, stateRank, type ListEntry } from './list-entry';
import type { ListSort } from './view-slice';

type SortedField = Exclude<ListSort['field'], 'load'>;

const orders = new WeakMap<readonly ListEntry[], Map<string, Int32Array>>();

function keyOf(e: ListEntry, field: SortedField): number | undefined {
  switch (field) {
    case 'endTime':
      return e.sortKeys.endEpochMs;
    case 'runTime':
      return e.sortKeys.runTimeMs;
    case 'state':
      return stateRank(e.doc.state);
  }
}

/**
 * Positions in `entries` in the order of the sort. Whole-number keys whose range times the count fits in a double
 * are packed with the position into one number and sorted without a comparator (the ties then fall in load order
 * by themselves); other keys are sorted by a comparator.
 */
export function sortOrder(
  entries: readonly ListEntry[],
  field: SortedField,
  descending: boolean,
): Int32Array {
  let byKey = orders.get(entries);
  if (!byKey) orders.set(entries, (byKey = new Map()));
  const cacheKey = `${field}:${descending ? 'desc' : 'asc'}`;
  const cached = byKey.get(cacheKey);
  if (cached) return cached;
  const n = entries.length;
  const keys = new Float64Array(n);
  const keyed: number[] = [];
  const missing: number[] = [];
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const k = keyOf(entries[i] as ListEntry, field);
    if (k === undefined || Number.isNaN(k)) {
      missing.push(i);
      continue;
    }
    keys[i] = k;
    keyed.push(i);
    if (k < min) min = k;
    if (k > max) max = k;
    if (!Number.isInteger(k)) whole = false;
  }
  const order = new Int32Array(n);
  if (whole && keyed.length > 0 && (max - min + 1) * n < Number.MAX_SAFE_INTEGER) {
    const packed = new Float64Array(keyed.length);
    for (let j = 0; j < keyed.length; j++) {
      const i = keyed[j] as number;
      const k = keys[i] as number;
      packed[j] = (descending ? max - k : k - min) * n + i;
    }
    packed.sort();
    for (let j = 0; j < packed.length; j++) order[j] = (packed[j] as number) % n;
  } else {
    const sign = descending ? -1 : 1;
    keyed.sort((a, b) => {
      const [ka, kb] = [keys[a] as number, keys[b] as number];
      return ka === kb ? a - b : (ka - kb) * sign;
    });
    order.set(keyed);
  }
  order.set(missing, keyed.length);
  byKey.set(cacheKey, order);
  return order;
}

/**
 * `filtered` (entries of `entries`, in load order) sorted: in load order as it is, reversed, or in the kept order of
 * the sort. Entries whose `loadOrder` is not their position in `entries` are sorted the plain way.
 */
export function sortFiltered(
  entries: readonly ListEntry[],
  filtered: readonly ListEntry[],
  sort: ListSort,
): readonly ListEntry[] {
  if (sort.field === 'load') return sort.direction === 'asc' ? filtered : [...filtered].reverse();
  for (const e of filtered) if (entries[e.loadOrder] !== e) return sortEntries(filtered, sort);
  const order = sortOrder(entries, sort.field, sort.direction === 'desc');
  if (filtered === entries) {
    const all = new Array<ListEntry>(order.length);
    for (let j = 0; j < order.length; j++) all[j] = entries[order[j] as number] as ListEntry;
    return all;
  }
  const kept = new Uint8Array(entries.length);
  for (const e of filtered) kept[e.loadOrder] = 1;
  const out: ListEntry[] = [];
  for (let j = 0; j < order.length; j++) {
    const i = order[j] as number;
    if (kept[i]) out.push(entries[i] as ListEntry);
  }
  return out;
}
