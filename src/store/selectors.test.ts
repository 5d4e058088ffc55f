import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parsePayload } from '../domain/parse-payload';
import { initialState, useAppStore } from './app-store';
import { entryKey } from './documents-slice';
import { entryName } from './entry-name';
import {
  entriesFromScratch,
  selectEntries,
  selectIsParsing,
  selectIsParsingText,
  selectSelectedEntry,
  selectStateOptions,
  selectTagOptions,
  selectVisibleEntries,
} from './selectors';

const FIXTURES = join(import.meta.dirname, '..', 'domain', '__fixtures__');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

function load(fileName: string, fixture = fileName): string {
  const store = useAppStore.getState();
  const text = read(fixture);
  const [id = ''] = store.addSources([{ origin: { kind: 'file', fileName }, text }]);
  store.setSourceDocuments(id, parsePayload(text).documents);
  return id;
}

const names = () =>
  selectVisibleEntries(useAppStore.getState()).map((e) =>
    e.name.kind === 'file' ? `${e.name.fileName}#${e.position}` : e.name.kind,
  );

beforeEach(() => {
  useAppStore.setState(initialState);
});

describe('selectEntries', () => {
  it('lists the draft first, then every document of every source in load order', () => {
    load('docs/workflowfinish_callback.xml');
    load('derived/callbacks.jsonl');
    const store = useAppStore.getState();
    store.setDraftText('x');
    store.setDraftDocuments('x', parsePayload(read('seed/case1-job-api.xml')).documents);
    const entries = selectEntries(useAppStore.getState());
    expect(entries.map((e) => [e.name.kind, e.position, e.size.count, e.title.id])).toEqual([
      ['draft', 1, 1, 'c93984788066911ed89ed352d4d9d2084'],
      ['file', 1, 1, 'i166ee19017b011eda8a5525400c540df'],
      ['file', 1, 3, 'c93984788066911ed89ed352d4d9d2084'],
      ['file', 2, 3, 'ac34be3aa0bf411ed9ce39d7cc972e427'],
      ['file', 3, 3, 'j7b0dfbe2f86b11ec995acf5cffaf6664'],
    ]);
    expect(entries.map((e) => e.loadOrder)).toEqual([0, 1, 2, 3, 4]);
  });

  it('returns the same array while the documents do not change (no re-render loop)', () => {
    load('seed/case1-job-api.xml');
    const first = selectVisibleEntries(useAppStore.getState());
    useAppStore.getState().selectDocument('s1:0');
    expect(selectVisibleEntries(useAppStore.getState())).toBe(first);
    useAppStore.getState().setFilterText('c939');
    expect(selectVisibleEntries(useAppStore.getState())).not.toBe(first);
  });
});

describe('selectEntries while a large text loads in batches', () => {
  it('extends the entries batch by batch to exactly what a full build gives, duplicates across batches included', () => {
    // The same callbacks three times over: every JobId repeats, in later batches than its first delivery.
    const once = read('derived/callbacks.jsonl').trim();
    const text = [once, read('docs/workflowfinish_callback.json').replace(/\n\s*/g, ''), once, once].join(
      '\n',
    );
    const documents = parsePayload(text).documents;
    expect(documents.length).toBe(10);
    load('docs/workflowfinish_callback.xml');
    const store = useAppStore.getState();
    const [id = ''] = store.addSources([{ origin: { kind: 'file', fileName: 'log' }, text }]);
    let previous = selectEntries(useAppStore.getState());
    for (let from = 0; from < documents.length; from += 3) {
      const batch = documents.slice(from, from + 3);
      const done = from + 3 >= documents.length;
      store.appendSourceDocuments(id, batch, { parsed: from + batch.length, total: documents.length }, done);
      const state = useAppStore.getState();
      const entries = selectEntries(state);
      expect(entries).not.toBe(previous);
      expect(entries).toEqual(entriesFromScratch(state.draft.documents, state.sources));
      // Kept, not rebuilt, from the second batch on (the first gives the source its total): an entry no batch
      // changed is the same object.
      if (from > 0) expect(entries[0]).toBe(previous[0]);
      previous = entries;
    }
    const last = selectEntries(useAppStore.getState());
    expect(last.map((e) => e.isDuplicate)).toEqual([
      false,
      true,
      true,
      true,
      false,
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(last.slice(1).map((e) => e.size.count)).toEqual(Array(10).fill(10));
  });

  it('keeps the entries of a file read in chunks as it grows (its count is known only at its end)', () => {
    const once = read('derived/callbacks.jsonl').trim();
    const documents = parsePayload([once, once, once].join('\n')).documents;
    expect(documents.length).toBe(9);
    const store = useAppStore.getState();
    const blob = new Blob(['not read here']);
    const [id = ''] = store.addSources([
      { origin: { kind: 'file', fileName: 'big.log' }, text: '', blob, inBlob: true },
    ]);
    let previous = selectEntries(useAppStore.getState());
    for (let from = 0; from < documents.length; from += 2) {
      const batch = documents.slice(from, from + 2);
      const given = from + batch.length;
      // A Blob's progress counts what was given so far: the total grows with every batch.
      store.appendSourceDocuments(id, batch, { parsed: given, total: given }, given === documents.length);
      const entries = selectEntries(useAppStore.getState());
      expect(entries.length).toBe(given);
      // Kept, not rebuilt: an entry is the same object unless this batch made it a repeated delivery.
      previous.forEach((before, i) => {
        if (before.isDuplicate === entries[i]?.isDuplicate) expect(entries[i]).toBe(before);
      });
      expect(
        entries.map((e) =>
          entryName(
            e,
            (key) => key,
            (s) => s,
          ),
        ),
      ).toEqual(entries.map((_, i) => `big.log · ${i + 1}/${given}`));
      // The filters' options grow with the batches, as a pass over all the entries gives them.
      const now = useAppStore.getState();
      expect(selectTagOptions(now)).toEqual([...new Set(entries.flatMap((e) => e.tags))].sort());
      expect([...selectStateOptions(now)].sort()).toEqual(
        [...new Set(entries.map((e) => e.doc.state))].sort(),
      );
      previous = entries;
    }
    const state = useAppStore.getState();
    expect(selectEntries(state)).toEqual(entriesFromScratch(state.draft.documents, state.sources));
    // Another build (the source removed): the options of what is left, not of what was seen.
    store.removeSource(id);
    expect(selectTagOptions(useAppStore.getState())).toEqual([]);
    expect(selectStateOptions(useAppStore.getState())).toEqual([]);
  });
  it('counts a restored file without the callbacks removed before the reload, while it loads and after', () => {
    const once = read('derived/callbacks.jsonl').trim();
    const documents = parsePayload([once, once, once].join('\n')).documents;
    const removed = [documents[2]?.index ?? -1];
    const store = useAppStore.getState();
    const blob = new Blob(['not read here']);
    const origin = { kind: 'file', fileName: 'big.log' } as const;
    store.restoreSources([{ id: 's1', origin, text: '', blob, inBlob: true, removed }], 0);
    const names = () =>
      selectEntries(useAppStore.getState()).map((e) =>
        entryName(
          e,
          (key) => key,
          (s) => s,
        ),
      );
    // The stored index knows the file's 9 callbacks from the start; one of them is not listed again.
    store.appendSourceDocuments('s1', documents.slice(0, 5), { parsed: 5, total: 9, restored: true }, false);
    expect(names()).toEqual([1, 2, 3, 4].map((n) => `big.log · ${n}/8`));
    store.appendSourceDocuments('s1', documents.slice(5), { parsed: 9, total: 9, restored: true }, true);
    expect(names()).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `big.log · ${n}/8`));
    const state = useAppStore.getState();
    expect(selectEntries(state)).toEqual(entriesFromScratch(state.draft.documents, state.sources));
  });
});

describe('filters and sorting', () => {
  beforeEach(() => {
    load('case1.xml', 'seed/case1-job-api.xml');
    load('sdr.xml', 'docs/sdrtohdr_callback_workflow.xml');
    load('wf.xml', 'docs/workflowfinish_callback.xml');
    load('submitted.xml', 'docs/transcode_submitted_jobsdetail_javasdk_test.xml');
    load('failed.xml', 'derived/picprocess_failed_job.xml');
  });

  it('matches JobId, object key and RunId, ignoring case', () => {
    useAppStore.getState().setFilterText('JAFA709A');
    expect(names()).toEqual(['sdr.xml#1']);
    useAppStore.getState().setFilterText('input/deer.jpg');
    expect(names()).toEqual(['case1.xml#1', 'failed.xml#1']);
    useAppStore.getState().setFilterText('i166ee19017b011eda8a5525400c540df');
    expect(names()).toEqual(['wf.xml#1']);
  });

  it('filters by State and Tag, offering only what is loaded', () => {
    const state = useAppStore.getState();
    expect(selectStateOptions(state)).toEqual(['Failed', 'Submitted', 'Success']);
    expect(selectTagOptions(state)).toEqual(['PicProcess', 'SDRtoHDR', 'Transcode']);
    state.setStateFilter('Success');
    state.setTagFilter('PicProcess');
    expect(names()).toEqual(['case1.xml#1']);
    state.clearFilters();
    expect(names()).toHaveLength(5);
  });

  it('sorts by end time, run time and State; missing values last in both directions; ties in load order', () => {
    const { setSort } = useAppStore.getState();
    setSort({ field: 'endTime', direction: 'asc' });
    expect(names()).toEqual(['sdr.xml#1', 'case1.xml#1', 'failed.xml#1', 'wf.xml#1', 'submitted.xml#1']);
    setSort({ field: 'endTime', direction: 'desc' });
    expect(names()).toEqual(['wf.xml#1', 'case1.xml#1', 'failed.xml#1', 'sdr.xml#1', 'submitted.xml#1']);
    setSort({ field: 'runTime', direction: 'desc' });
    expect(names()).toEqual(['wf.xml#1', 'sdr.xml#1', 'case1.xml#1', 'failed.xml#1', 'submitted.xml#1']);
    setSort({ field: 'state', direction: 'asc' });
    expect(names()).toEqual(['failed.xml#1', 'submitted.xml#1', 'case1.xml#1', 'sdr.xml#1', 'wf.xml#1']);
    setSort({ field: 'load', direction: 'desc' });
    expect(names()).toEqual(['failed.xml#1', 'submitted.xml#1', 'wf.xml#1', 'sdr.xml#1', 'case1.xml#1']);
  });
});

describe('documents slice', () => {
  it('replaces the draft documents instead of adding, and keeps a stale parse out', () => {
    const store = useAppStore.getState();
    store.setDraftText('a');
    expect(
      store.setDraftDocuments('a', parsePayload(read('derived/callbacks_array.json')).documents, true),
    ).toBe(true);
    expect(selectEntries(useAppStore.getState())).toHaveLength(2);
    expect(useAppStore.getState().selectedKey).toBe('draft:0');
    store.setDraftText('b');
    // The result for 'a' arrives after the text became 'b': ignored.
    expect(store.setDraftDocuments('a', parsePayload(read('seed/case1-job-api.xml')).documents)).toBe(false);
    expect(store.setDraftDocuments('b', parsePayload(read('seed/case1-job-api.xml')).documents)).toBe(true);
    expect(selectEntries(useAppStore.getState())).toHaveLength(1);
    store.setDraftText('');
    store.setDraftDocuments('', []);
    expect(selectEntries(useAppStore.getState())).toHaveLength(0);
    expect(useAppStore.getState().selectedKey).toBeUndefined();
  });

  it('numbers pastes, selects with the committed documents, and clears everything', () => {
    const store = useAppStore.getState();
    const [a = '', b = ''] = store.addSources([
      { origin: { kind: 'paste', n: 1 }, text: read('seed/case1-job-api.xml') },
      { origin: { kind: 'paste', n: 2 }, text: '<x' },
    ]);
    expect(useAppStore.getState().pasteCount).toBe(2);
    store.setSourceDocuments(b, parsePayload('<x').documents, true);
    expect(useAppStore.getState().selectedKey).toBe(entryKey(b, 0));
    expect(selectSelectedEntry(useAppStore.getState())?.doc.state).toBe('Invalid');
    expect(selectEntries(useAppStore.getState())).toHaveLength(1);
    store.setSourceDocuments(a, parsePayload(read('seed/case1-job-api.xml')).documents);
    expect(selectEntries(useAppStore.getState()).map((e) => e.doc.state)).toEqual(['Success', 'Invalid']);

    store.clearAll();
    const after = useAppStore.getState();
    expect(selectEntries(after)).toEqual([]);
    expect(after.selectedKey).toBeUndefined();
    expect(after.draft.text).toBe('');
    expect(after.pasteCount).toBe(0);
    // Ids are never reused: a parse that finishes after the clear has nowhere to land.
    store.setSourceDocuments(a, parsePayload(read('seed/case1-job-api.xml')).documents);
    expect(selectEntries(useAppStore.getState())).toEqual([]);
    expect(store.addSources([{ origin: { kind: 'paste', n: 1 }, text: '' }])).toEqual(['s3']);
  });
});

describe('selectIsParsingText', () => {
  it('is true while a text is parsed, false while a file is only listed again from its stored index', () => {
    const store = useAppStore.getState();
    const [id = ''] = store.addSources([
      { origin: { kind: 'file', fileName: 'big.log' }, text: '', blob: new Blob(['x']), inBlob: true },
    ]);
    expect(selectIsParsingText(useAppStore.getState())).toBe(true);
    const docs = parsePayload(read('seed/case1-job-api.xml')).documents;
    store.appendSourceDocuments(id, docs, { parsed: 1, total: 1, restored: true }, false);
    expect(selectIsParsing(useAppStore.getState())).toBe(true);
    expect(selectIsParsingText(useAppStore.getState())).toBe(false);
    store.addSources([{ origin: { kind: 'paste', n: 1 }, text: '<Response/>' }]);
    expect(selectIsParsingText(useAppStore.getState())).toBe(true);
  });
});
