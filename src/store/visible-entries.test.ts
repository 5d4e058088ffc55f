import { beforeEach, describe, expect, it } from 'vitest';
import { generateCallbackLog } from '../../bench/generate-log';
import { parsePayload } from '../domain/parse-payload';
import { initialState, useAppStore } from './app-store';
import { sortFiltered, sortOrder } from './entry-order';
import { filterEntries, sortEntries, type ListEntry } from './list-entry';
import { selectEntries, selectVisibleEntries } from './selectors';
import type { ListSort } from './view-slice';

/** 600 generated callbacks (failures, workflows, jobs without times) in two files, as the page loads them. */
function loadGenerated(): readonly ListEntry[] {
  const store = useAppStore.getState();
  for (const seed of [3, 4]) {
    const text = generateCallbackLog({ count: 300, seed, redeliveries: true });
    const [id = ''] = store.addSources([{ origin: { kind: 'file', fileName: `day-${seed}.log` }, text }]);
    store.setSourceDocuments(id, parsePayload(text).documents);
  }
  return selectEntries(useAppStore.getState());
}

const keys = (entries: readonly ListEntry[]) => entries.map((e) => e.key);

const SORTS: readonly ListSort[] = (['endTime', 'runTime', 'state', 'load'] as const).flatMap((field) =>
  (['asc', 'desc'] as const).map((direction) => ({ field, direction })),
);

beforeEach(() => {
  useAppStore.setState(initialState);
});

describe('the list sorted through the kept order of the whole set', () => {
  it('gives what sorting the filtered entries gives, for every sort, filtered or not', () => {
    const entries = loadGenerated();
    expect(entries.length).toBeGreaterThan(600);
    const failed = filterEntries(entries, { text: '', state: 'Failed', tag: '' });
    const text = filterEntries(entries, { text: 'a1', state: '', tag: '' });
    expect(failed.length).toBeGreaterThan(0);
    expect(text.length).toBeGreaterThan(0);
    for (const sort of SORTS)
      for (const filtered of [entries, failed, text])
        expect(keys(sortFiltered(entries, filtered, sort))).toEqual(keys(sortEntries(filtered, sort)));
  });

  it('sorts keys that cannot be packed (fractions, a huge range) by comparing them, with the same order', () => {
    const entries = loadGenerated().slice(0, 200);
    const odd = entries.map((e, i) =>
      i % 3 === 0
        ? e
        : {
            ...e,
            sortKeys: {
              ...e.sortKeys,
              runTimeMs: i % 3 === 1 ? i / 7 : undefined,
              endEpochMs: i % 2 ? Number.MAX_SAFE_INTEGER / 2 : -(i % 5),
            },
          },
    );
    for (const sort of SORTS)
      expect(keys(sortFiltered(odd, odd, sort))).toEqual(keys(sortEntries(odd, sort)));
    // Computed once per set and sort.
    expect(sortOrder(odd, 'runTime', true)).toBe(sortOrder(odd, 'runTime', true));
  });

  it('falls back to a plain sort for entries that are not at their load order in the set', () => {
    const entries = loadGenerated();
    const shuffled = [...entries].reverse();
    const sort: ListSort = { field: 'runTime', direction: 'desc' };
    expect(keys(sortFiltered(shuffled, shuffled, sort))).toEqual(keys(sortEntries(shuffled, sort)));
  });
});

describe('selectVisibleEntries', () => {
  const visible = () => keys(selectVisibleEntries(useAppStore.getState()));

  it('typing on narrows what the last filter kept, and equals filtering from scratch', () => {
    const entries = loadGenerated();
    const store = useAppStore.getState();
    store.setStateFilter('Failed');
    for (const text of ['a', 'a1', 'a1b', 'a1', 'day-3', 'day-3.l', '']) {
      store.setFilterText(text);
      const expected = filterEntries(entries, { text, state: 'Failed', tag: '' });
      expect(visible()).toEqual(keys(expected));
    }
    // A new sort keeps the filter and orders it.
    store.setFilterText('a');
    store.setSort({ field: 'endTime', direction: 'desc' });
    const filtered = filterEntries(entries, { text: 'a', state: 'Failed', tag: '' });
    expect(visible()).toEqual(keys(sortEntries(filtered, { field: 'endTime', direction: 'desc' })));
    // Another State with the same text is not a narrowing of the last one.
    store.setStateFilter('Success');
    expect(visible()).toEqual(
      keys(
        sortEntries(filterEntries(entries, { text: 'a', state: 'Success', tag: '' }), {
          field: 'endTime',
          direction: 'desc',
        }),
      ),
    );
  });

  it('matches a file name, which is not part of the documents’ search text', () => {
    loadGenerated();
    useAppStore.getState().setFilterText('DAY-4');
    const shown = selectVisibleEntries(useAppStore.getState());
    expect(shown.length).toBeGreaterThan(300);
    expect(shown.every((e) => e.name.kind === 'file' && e.name.fileName === 'day-4.log')).toBe(true);
  });
});
