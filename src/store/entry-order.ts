/**
 * The list's sort, done once per loaded set and sort rather than on every filter change: the order of all entries
 * by a sort is kept (positions in a typed array), and a filtered list in that order is a walk over it keeping the
 * entries the filter kept. The order equals `sortEntries`'s: entries without the key last, ties in load order.
 */
import { sortEntries, sortKeyOf, stateRank, type ListEntry } from './list-entry';
import type { ListSort } from './view-slice';

type SortedField = Exclude<ListSort['field'], 'load'>;

const orders = new WeakMap<readonly ListEntry[], Map<string, Int32Array>>();

/**
 * The sort keys of one build's entries by position (NaN: none), filled as each entry is made, when its document is
 * at hand: the first sort of 100,000 entries then reads three arrays instead of visiting every entry (a visit to
 * each of 100,000 objects spread over a large heap cost tens of milliseconds).
 */
export class SortColumns {
  length = 0;
  private end = new Float64Array(1024);
  private run = new Float64Array(1024);
  private rank = new Float64Array(1024);

  push(entry: ListEntry): void {
    const at = this.length;
    if (at === this.end.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.end = grow(this.end);
      this.run = grow(this.run);
      this.rank = grow(this.rank);
    }
    this.end[at] = entry.sortKeys.endEpochMs ?? Number.NaN;
    this.run[at] = entry.sortKeys.runTimeMs ?? Number.NaN;
    this.rank[at] = stateRank(entry.doc.state);
    this.length = at + 1;
  }

  column(field: SortedField): Float64Array {
    return field === 'endTime' ? this.end : field === 'runTime' ? this.run : this.rank;
  }
}

const columnsOf = new WeakMap<readonly ListEntry[], SortColumns>();

/** Tells the sort that `columns` holds the keys of `entries` (at least as many, position by position). */
export function attachSortColumns(entries: readonly ListEntry[], columns: SortColumns): void {
  if (columns.length >= entries.length) columnsOf.set(entries, columns);
}

const keyOf = sortKeyOf;

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
  const column = columnsOf.get(entries)?.column(field);
  const keyed: number[] = [];
  const missing: number[] = [];
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const k = column ? column[i] : keyOf(entries[i] as ListEntry, field);
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
  // The entries' own build (with sort columns) puts each at its load order; any other list is checked.
  if (!columnsOf.has(entries))
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
