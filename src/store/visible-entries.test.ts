import { beforeEach, describe, expect, it } from 'vitest';
import { generateCallbackLog } from '../../bench/generate-log';
import { parsePayload } from '../domain/parse-payload';
import { initialState, useAppStore } from './app-store';
import { sortFiltered, sortOrder } from './entry-order';
import { filterEntries, sortEntries, type ListEntry } from './list-entry';
import { digestOf } from '../domain/derive/digest';
import { buildOverview, type Overview, type WorkflowRunGroup } from '../domain/derive/overview';
import { advanceOverview, selectOverview } from './overview-select';
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

describe('the overview of what is loaded', () => {
  // A run's jobs are read through its prototype (made when first read): spelt out here.
  const normalised = (o: Overview) =>
    JSON.stringify(
      { ...o, workflowRuns: o.workflowRuns.map((r) => ({ ...r, jobs: r.jobs })) },
      (_k, v: unknown) => (v instanceof Map ? Object.fromEntries(v) : v),
    );

  it('grows batch by batch (and from idle-time slices) to exactly the overview of every document', () => {
    const text = generateCallbackLog({ count: 400, seed: 5, redeliveries: true });
    const documents = parsePayload(text).documents;
    const store = useAppStore.getState();
    const [first = ''] = store.addSources([{ origin: { kind: 'file', fileName: 'a.log' }, text }]);
    store.setSourceDocuments(first, documents.slice(0, 50));
    const [id = ''] = store.addSources([{ origin: { kind: 'file', fileName: 'b.log' }, text }]);
    const whole = () => {
      const entries = selectEntries(useAppStore.getState());
      return buildOverview(entries.map((e) => e.doc));
    };
    let before = selectOverview(useAppStore.getState());
    for (let from = 0; from < documents.length; from += 97) {
      const batch = documents.slice(from, from + 97);
      const done = from + 97 >= documents.length;
      store.appendSourceDocuments(id, batch, { parsed: from + batch.length, total: documents.length }, done);
      if (from % 2) {
        // Idle time adds a few documents before the overview is asked for.
        let slices = 0;
        advanceOverview(selectEntries(useAppStore.getState()), () => ++slices < 1);
      }
      const now = selectOverview(useAppStore.getState());
      expect(normalised(now)).toBe(normalised(whole()));
      // An overview handed out earlier is not changed by what was added since.
      expect(now).not.toBe(before);
      before = now;
    }
    expect(before.documentCount).toBe(50 + documents.length);
    expect(before.duplicates.length).toBeGreaterThan(0);
    // A removal rebuilds the entries: the overview starts again from the documents left.
    store.removeSource(first);
    expect(normalised(selectOverview(useAppStore.getState()))).toBe(normalised(whole()));
  });
});

describe('the overview’s run figures as list filters', () => {
  it('show the callbacks of the runs each figure counts', () => {
    loadGenerated();
    const overview = selectOverview(useAppStore.getState());
    // A WorkflowFinish by its run, a job by the runs it is a task of.
    const inRuns = (e: ListEntry, runs: ReadonlySet<string>) => {
      const digest = digestOf(e.doc);
      const runId = digest.execution?.runId;
      return runId !== undefined
        ? runs.has(runId)
        : digest.jobs.some((j) => j.runId !== undefined && runs.has(j.runId));
    };
    const figures = {
      all: () => true,
      noFinish: (r: WorkflowRunGroup) => r.executionDocuments.length === 0,
      failedTask: (r: WorkflowRunGroup) => r.hasFailedTask,
    } as const;
    for (const [value, counted] of Object.entries(figures)) {
      const runs = new Set(overview.workflowRuns.filter(counted).map((r) => r.runId));
      expect(runs.size).toBeGreaterThan(0);
      useAppStore.getState().setFacet({ kind: 'runs', value: value as keyof typeof figures });
      const shown = selectVisibleEntries(useAppStore.getState());
      const expected = selectEntries(useAppStore.getState()).filter((e) => inRuns(e, runs));
      expect(shown.length).toBeGreaterThan(0);
      expect(keys(shown)).toEqual(keys(expected));
    }
  });
});
