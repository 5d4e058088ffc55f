import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePayload } from '../domain/parse-payload';
import { filterEntries, localInputToEpochMs, prepareListKeys, toListEntry } from './list-entry';

const FIXTURES = join(import.meta.dirname, '..', 'domain', '__fixtures__');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

function entriesOf(...names: string[]) {
  return names.map((name, i) => {
    const doc = parsePayload(read(name)).documents[0];
    if (!doc) throw new Error(name);
    return toListEntry(`s${i}`, { kind: 'file', fileName: name }, doc, 1, 1, i);
  });
}

describe('localInputToEpochMs', () => {
  it('reads a datetime-local value in local time; the end of a window takes its whole last minute', () => {
    expect(localInputToEpochMs('2022-07-18T15:16')).toBe(new Date(2022, 6, 18, 15, 16, 0, 0).getTime());
    expect(localInputToEpochMs('2022-07-18T15:16', true)).toBe(
      new Date(2022, 6, 18, 15, 16, 59, 999).getTime(),
    );
    expect(localInputToEpochMs('2022-07-18T15:16:44')).toBe(new Date(2022, 6, 18, 15, 16, 44, 0).getTime());
    expect(localInputToEpochMs('')).toBeUndefined();
    expect(localInputToEpochMs('yesterday')).toBeUndefined();
  });
});

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
  it('computes the keys the entry then uses: its search text holds the file name, its sort keys are the ones made', () => {
    const docs = parsePayload(read('seed/case1-job-api.xml')).documents;
    const name = { kind: 'file', fileName: 'Day-1.LOG' } as const;
    prepareListKeys(docs, name);
    const [doc] = docs;
    if (!doc) throw new Error('no document');
    const entry = toListEntry('s1', name, doc, 1, 1, 0);
    expect(entry.searchText.split('\n')[0]).toBe('day-1.log');
    expect(entry.searchText).toContain(entry.jobIds[0]);
    expect(entry.sortKeys.endEpochMs).toBe(Date.parse('2022-07-18T15:16:44+08:00'));
    // Made once: a second entry of the same document shares them.
    expect(toListEntry('s1', name, doc, 1, 1, 0).sortKeys).toBe(entry.sortKeys);
  });
});
