import { describe, expect, it } from 'vitest';
import { generateCallbackLog } from '../../bench/generate-log';
import type { DocumentDigest } from '../domain/derive/digest';
import { LIMITS } from '../domain/limits';
import { parsePayload } from '../domain/parse-payload';
import { readModel } from '../domain/read-model';
import { fixtureNames, readFixture } from '../domain/test-support/fixtures';
import { filterEntries, toListEntry, type ListEntry } from '../store/list-entry';
import { packDigestEntry, unpackDigestEntry } from './index-digest';
import { packLines, StringTable, unpackLines } from './index-text';
import type { WireDocument } from './protocol';
import { decodeIndexRecord, encodeIndexRecord, INDEX_RECORD_SIZE, storedBytesOf } from './stored-index';
import { fromWire, toWire } from './wire';

/** Stored and read back as IndexedDB does (a structured clone), record by record. */
function throughStore(wire: readonly WireDocument[]): WireDocument[] {
  const back: WireDocument[] = [];
  for (let at = 0; at < wire.length; at += INDEX_RECORD_SIZE) {
    const docs = decodeIndexRecord(
      structuredClone(encodeIndexRecord(wire.slice(at, at + INDEX_RECORD_SIZE), at)),
    );
    if (!docs) throw new Error('record not read back');
    back.push(...docs);
  }
  return back;
}

/** The list's entries of documents as the page makes them from the worker's (or the index's) wire documents. */
function entriesOf(wire: readonly WireDocument[], text: string, fileName: string): ListEntry[] {
  const size = { count: wire.length };
  return wire.map((w, i) =>
    toListEntry(
      's1',
      { kind: 'file', fileName },
      fromWire(structuredClone(w), text, readModel),
      i + 1,
      size,
      i,
    ),
  );
}

/** What the list shows, sorts and filters by. */
function listed(e: ListEntry) {
  const { key, kind, title, sortKeys, tags, searchText, outputs, nameText, jobIds, problem, verdict } = e;
  return { key, kind, title, sortKeys, tags, searchText, outputs, nameText, jobIds, problem, verdict };
}

/** Words to filter by: whole lines of the search texts, parts of them, in upper case, output keys, nothing. */
function needlesOf(entries: readonly ListEntry[], every: number): string[] {
  const needles = new Set(['success', 'failed', '.mp4', '.jpg', 'output/', 'zz-not-there', 'json']);
  entries.forEach((e, i) => {
    if (i % every !== 0) return;
    for (const line of e.searchText.split('\n').slice(0, 6)) {
      if (line.length < 2) continue;
      needles.add(line);
      needles.add(line.slice(1, Math.max(2, line.length >> 1)));
      needles.add(line.toUpperCase());
    }
    for (const o of e.outputs ?? []) {
      const names = o.names.split('\n');
      needles.add(`${o.prefix.slice(-3)}${names[3] ?? ''}`);
      needles.add(names[names.length - 1] ?? '');
    }
  });
  return [...needles].filter((n) => n.trim() !== '');
}

function expectSameList(wire: readonly WireDocument[], text: string, name: string, every: number): void {
  const back = throughStore(wire);
  expect(back.map((w) => w.digest)).toEqual(wire.map((w) => w.digest));
  const parsed = entriesOf(wire, text, name);
  const restored = entriesOf(back, text, name);
  expect(restored.map(listed)).toEqual(parsed.map(listed));
  // The search texts are the same strings, so the filter keeps the same callbacks for any words.
  restored.forEach((e, i) => expect(e.searchText).toBe(parsed[i]?.searchText));
  let matched = 0;
  for (const needle of needlesOf(parsed, every)) {
    const filter = { text: needle, state: '', tag: '' };
    const kept = filterEntries(parsed, filter).map((e) => e.key);
    expect(filterEntries(restored, filter).map((e) => e.key)).toEqual(kept);
    matched += kept.length;
  }
  if (parsed.some((e) => e.searchText !== '')) expect(matched).toBeGreaterThan(0);
}

describe('a restored index lists and filters as the parsed file did', () => {
  it('on a generated log of 3,000 callbacks', () => {
    const text = generateCallbackLog({ count: 3000, seed: 11 });
    const wire = parsePayload(text, { maxInputLength: LIMITS.file }).documents.map((d) =>
      toWire(d, { modelsOnDemand: true }),
    );
    expect(wire).toHaveLength(3000);
    expectSameList(wire, text, 'Callbacks.LOG', 37);
  });

  it.each(fixtureNames())('on %s', (name) => {
    const text = readFixture(name);
    const wire = parsePayload(text, { maxInputLength: LIMITS.file }).documents.map((d) => toWire(d));
    expectSameList(wire, text, name, 1);
  });
});

describe('the record is smaller than the digests’ JSON', () => {
  it('a generated log: under 45 % of the JSON, nearly every callback a job list response kept in columns', () => {
    const text = generateCallbackLog({ count: 2000, seed: 5 });
    const wire = parsePayload(text).documents.map((d) => toWire(d, { modelsOnDemand: true }));
    const record = encodeIndexRecord(wire, text.length);
    const json = JSON.stringify(wire.map((w) => [w.digest, w.diagnostics.length > 0 ? w.diagnostics : 0]));
    expect(storedBytesOf(record)).toBeLessThan(0.45 * json.length);
    const entries = JSON.parse(record.json) as unknown[][];
    const columns = entries.filter((e) => e[0] === 1).length;
    const jobLists = wire.filter((w) => w.digest.kind === 'jobs').length;
    expect(columns).toBe(jobLists);
    expect(columns).toBeGreaterThan(1800);
  });
});

describe('a digest entry gives back the digest it was made of', () => {
  const [base] = parsePayload(readFixture('seed/case1-job-api.xml')).documents.map((d) => toWire(d).digest);
  if (!base) throw new Error('no digest');
  const job = base.jobs[0];
  if (!job) throw new Error('no job');

  const roundTrip = (digest: DocumentDigest) => {
    const table = new StringTable();
    const entry = structuredClone(packDigestEntry(digest, [], table));
    return { entry, back: unpackDigestEntry(JSON.parse(JSON.stringify(entry)), table.list)?.digest };
  };

  it.each<[string, DocumentDigest, boolean]>([
    ['the fixture', base, true],
    [
      'times in other forms (a space, Z, no offset, fractions, an invalid one)',
      {
        ...base,
        jobs: [
          {
            ...job,
            creationTime: { text: '2022-07-18 15:16:43+0800', epochMs: 1658128603000, offsetMinutes: 480 },
            startTime: { text: '2022-07-18T07:16:43Z', epochMs: 1658128603000, offsetMinutes: 0 },
            endTime: { text: 'yesterday', epochMs: undefined, offsetMinutes: undefined },
          },
          {
            ...job,
            creationTime: { text: '2022-07-18T15:16:43.5+0800', epochMs: 1658128603500, offsetMinutes: 480 },
          },
          {
            ...job,
            startTime: { text: '2022-07-18 15:16:43', epochMs: 1658128603000, offsetMinutes: undefined },
          },
        ],
        title: { jobCount: 3 },
        times: { createdEpochMs: 1658128603000 },
      },
      true,
    ],
    [
      'UserData over several lines in upper case, a Message, lines of its own in the search text',
      {
        ...base,
        jobs: [{ ...job, userData: 'A\nB-Σ\n\nÇa', message: 'İstanbul' }],
        searchText: `${job.jobId?.toLowerCase()}\na\nb-σ\n\nça\ni̇stanbul\nnot a field\n\n`,
      },
      true,
    ],
    [
      'output names in runs, with leading zeros, gaps and numbers that are not',
      {
        ...base,
        outputs: [
          { prefix: 'out/', names: '\n0.jpg\n1.jpg\n2.jpg\n3.jpg\n05.jpg\n06.jpg\n7\n8\n9\n11.jpg\nx1\n\n' },
        ],
      },
      true,
    ],
    [
      'a key it does not know (kept whole)',
      { ...base, verdict: 'block' } as unknown as DocumentDigest,
      false,
    ],
    [
      'a job with a key it does not know (kept whole)',
      { ...base, jobs: [{ ...job, extra: 'x' }] } as unknown as DocumentDigest,
      false,
    ],
    ['times its jobs do not give (kept whole)', { ...base, times: { createdEpochMs: 1 } }, false],
    ['Tags its jobs do not give (kept whole)', { ...base, tags: ['Other'] }, false],
    ['no jobs (kept whole)', { ...base, jobs: [], title: { id: 'x', jobCount: 0 } }, false],
    ['an empty search text', { ...base, searchText: '' }, true],
  ])('%s', (_, digest, inColumns) => {
    const { entry, back } = roundTrip(digest);
    expect(entry[0] === 1).toBe(inColumns);
    expect(back).toEqual(digest);
    expect(back?.searchText).toBe(digest.searchText);
  });

  it('output names: every line back, runs of three or more numbered ones as one', () => {
    const names = '\n' + Array.from({ length: 300 }, (_, i) => `${i + 7}.png`).join('\n');
    expect(packLines(names)).toEqual(['', [7, 300, '.png']]);
    for (const text of ['', '\n', '0\n1', '1\n2\n3', '\n9\n10\n11\n12a', '007\n008\n009', '1e3\n1001\n1002'])
      expect(unpackLines(structuredClone(packLines(text)))).toBe(text);
  });
});
