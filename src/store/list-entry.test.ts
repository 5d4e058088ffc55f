import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePayload } from '../domain/parse-payload';
import { filterEntries, prepareListKeys, toListEntry } from './list-entry';

const FIXTURES = join(import.meta.dirname, '..', 'domain', '__fixtures__');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

function entriesOf(...names: string[]) {
  return names.map((name, i) => {
    const doc = parsePayload(read(name)).documents[0];
    if (!doc) throw new Error(name);
    return toListEntry(`s${i}`, { kind: 'file', fileName: name }, doc, 1, { count: 1 }, i);
  });
}

describe('filterEntries time window', () => {
  // Case 1 ends 2022-07-18T15:16:44+0800, the snapshot job 2022-06-30T19:25:14+0800.
  const entries = entriesOf('seed/case1-job-api.xml', 'docs/snapshot_callback_job_api.xml');
  const end = entries[0]?.sortKeys.endEpochMs ?? 0;

  it('keeps documents whose end time is inside the window, bounds included', () => {
    expect(
      filterEntries(entries, { text: '', state: '', tag: '', fromMs: end, toMs: end }).map((e) => e.key),
    ).toEqual([entries[0]?.key]);
  });

  it('drops everything outside it, and documents without an end time', () => {
    expect(filterEntries(entries, { text: '', state: '', tag: '', fromMs: end + 1, toMs: end + 2 })).toEqual(
      [],
    );
  });

  it('is no filter without bounds', () => {
    expect(filterEntries(entries, { text: '', state: '', tag: '' })).toBe(entries);
  });
});

describe('prepareListKeys', () => {
  it('computes the keys the entry then uses: the filter matches its file name, its sort keys are the ones made', () => {
    const docs = parsePayload(read('seed/case1-job-api.xml')).documents;
    const name = { kind: 'file', fileName: 'Day-1.LOG' } as const;
    prepareListKeys(docs, name);
    const [doc] = docs;
    if (!doc) throw new Error('no document');
    const entry = toListEntry('s1', name, doc, 1, { count: 1 }, 0);
    expect(entry.nameText).toBe('day-1.log');
    expect(entry.searchText).toContain(entry.jobIds[0]);
    expect(filterEntries([entry], { text: 'DAY-1', state: '', tag: '' })).toEqual([entry]);
    expect(entry.sortKeys.endEpochMs).toBe(Date.parse('2022-07-18T15:16:44+08:00'));
    // Made once: a second entry of the same document shares them.
    expect(toListEntry('s1', name, doc, 1, { count: 1 }, 0).sortKeys).toBe(entry.sortKeys);
  });
});

describe('the text filter', () => {
  const entries = entriesOf(
    'derived/picprocess_failed_job.xml',
    'seed/case2-workflow.xml',
    'docs/workflowfinish_callback.xml',
  );
  const match = (text: string) =>
    filterEntries(entries, { text, state: '', tag: '' }).map(
      (e) => e.name.kind === 'file' && e.name.fileName,
    );

  it('finds Code, Message, Tag, RunId and object keys', () => {
    expect(match('invalidinput')).toEqual(['derived/picprocess_failed_job.xml']);
    expect(match('format is not supported')).toEqual(['derived/picprocess_failed_job.xml']);
    expect(match('ic90edd59f84f11ec9d4f525400a3c59f')).toEqual(['seed/case2-workflow.xml']);
    expect(match('wk-test/game.mp4')).toEqual(['docs/workflowfinish_callback.xml']);
    expect(match('PICPROCESS')).toEqual(['derived/picprocess_failed_job.xml', 'seed/case2-workflow.xml']);
    for (const value of [
      'my picprocess job',
      't10461fe2bd5a649db9022452ec71e0381',
      'p2911917386e148639319e13c285cc774',
    ])
      expect(match(value)).toEqual(['derived/picprocess_failed_job.xml', 'seed/case2-workflow.xml']);
  });

  it('narrows to an overview figure by a predicate', () => {
    expect(
      filterEntries(entries, { text: '', state: '', tag: '', predicate: (e) => e.kind === 'workflow' }).map(
        (e) => e.loadOrder,
      ),
    ).toEqual([2]);
  });
});

describe('filterEntries on the output keys of a job with many output files', () => {
  // The published snapshot callback, its output files given a prefix and 200 names (a snapshot every second).
  const json = JSON.parse(read('docs/snapshot_callback_workflow.json')) as {
    JobsDetail: { Operation: { MediaResult: { OutputFile: Record<string, unknown> } } };
  };
  const outputFile = json.JobsDetail.Operation.MediaResult.OutputFile;
  outputFile.ObjectPrefix = 'Output/Video-42/Snap-';
  outputFile.ObjectName = Array.from({ length: 200 }, (_, i) => `${i}.jpg`);
  const doc = parsePayload(JSON.stringify(json)).documents[0];
  if (!doc) throw new Error('snapshot');
  const entry = toListEntry('s1', { kind: 'paste', n: 1 }, doc, 1, { count: 1 }, 0);
  const finds = (text: string) => filterEntries([entry], { text, state: '', tag: '' }).length === 1;

  it('holds the prefix once, not once per name', () => {
    expect(entry.searchText.split('output/video-42/snap-').length - 1).toBe(1);
    expect(entry.searchText).not.toContain('snap-137.jpg');
  });

  it('finds every whole key, a name, a part of the prefix, and a part from the prefix into a name', () => {
    for (const key of [
      'Output/Video-42/Snap-0.jpg',
      'output/video-42/snap-137.jpg',
      'OUTPUT/VIDEO-42/SNAP-199.JPG',
    ])
      expect(finds(key)).toBe(true);
    for (const part of ['137.jpg', 'video-42/', 'snap-13', '-42/snap-19', 'p-7.j', 'snap-'])
      expect(finds(part)).toBe(true);
  });

  it('finds no key that is not there', () => {
    for (const text of [
      'snap-200.jpg',
      'video-42/snap-1x',
      'snap-0.png',
      'video-43/snap-1.jpg',
      'snap-1.jpg5',
    ])
      expect(finds(text)).toBe(false);
  });
});
