import { describe, expect, it } from 'vitest';
import { generateCallbackLog } from '../../bench/generate-log';
import { LIMITS } from '../domain/limits';
import { parseBlob } from '../domain/parse-blob';
import { parsePayload } from '../domain/parse-payload';
import { readModel } from '../domain/read-model';
import { fixtureNames, readFixture } from '../domain/test-support/fixtures';
import { HOSTILE_INPUTS } from '../domain/test-support/hostile-inputs';
import type { WireDocument } from './protocol';
import { isSourceRead, readSources } from './source-text';
import {
  INDEX_RECORD_SIZE,
  INDEX_VERSION,
  decodeIndexRecord,
  encodeIndexRecord,
  indexHeader,
  openIndexRecord,
  readIndexHeader,
} from './stored-index';
import { fromWire, toWire } from './wire';

/** A Blob's documents as the worker sends them (`streamBlob`). */
async function wireOfBlob(blob: Blob): Promise<WireDocument[]> {
  const wire: WireDocument[] = [];
  const run = parseBlob(blob, { blockSize: 4096, firstBlock: 1024 });
  for (let step = await run.next(); !step.done; step = await run.next())
    for (const { doc, bytes } of step.value.documents)
      wire.push(toWire(doc, { modelsOnDemand: true, bytes: bytes ?? 'inline' }));
  return wire;
}

/** Stored and read back as IndexedDB does (a structured clone), record by record. */
function throughStore(wire: readonly WireDocument[]): WireDocument[] {
  const back: WireDocument[] = [];
  for (let at = 0; at < wire.length; at += INDEX_RECORD_SIZE) {
    const record = structuredClone(encodeIndexRecord(wire.slice(at, at + INDEX_RECORD_SIZE), at));
    const docs = decodeIndexRecord(record);
    expect(docs).toBeDefined();
    back.push(...(docs ?? []));
  }
  return back;
}

describe('a file’s stored index gives back the documents the worker sent', () => {
  it('for a generated log of 2,500 callbacks (three records), read from the Blob as on a first load', async () => {
    const blob = new Blob([generateCallbackLog({ count: 2500, seed: 7 })]);
    const wire = await wireOfBlob(blob);
    expect(wire).toHaveLength(2500);
    const back = throughStore(wire);
    expect(back).toEqual(wire);
    // And the page makes the same documents of them: digests, sources read from the file, models on demand.
    const first = back.map((w) => fromWire(w, blob, readModel));
    const again = wire.map((w) => fromWire(structuredClone(w), blob, readModel));
    await readSources([first[0], first[1234], first[2499]].filter((d) => d !== undefined));
    await readSources([again[0], again[1234], again[2499]].filter((d) => d !== undefined));
    for (const i of [0, 1234, 2499]) {
      expect(isSourceRead(first[i]!)).toBe(true);
      expect(first[i]!.source.text).toBe(again[i]!.source.text);
      expect(first[i]!.source.text.length).toBeGreaterThan(0);
      expect(first[i]!.model).toEqual(again[i]!.model);
    }
  });

  it.each(fixtureNames())('for every field a document can have: %s', (name) => {
    const text = readFixture(name);
    // With models sent whole and on demand, diagnostics, Content-Types of request dumps, texts kept inline.
    const docs = parsePayload(text, { maxInputLength: LIMITS.file }).documents;
    const wire = docs.flatMap((d, i) => [
      toWire(d),
      toWire(d, { modelsOnDemand: true, bytes: i % 2 ? 'inline' : { start: i * 10, length: 3 } }),
    ]);
    expect(throughStore(wire)).toEqual(wire);
  });

  it('decoded a stretch at a time (as the page does, in several tasks), gives the same documents', async () => {
    const wire = await wireOfBlob(new Blob([generateCallbackLog({ count: 700, seed: 3 })]));
    const record = openIndexRecord(structuredClone(encodeIndexRecord(wire, 0)));
    expect(record?.n).toBe(700);
    const stretches = [0, 1, 250, 500, 699, 700].slice(1).map((to, i, ends) => {
      const from = i === 0 ? 0 : (ends[i - 1] ?? 0);
      return record?.decode(from, to);
    });
    expect(stretches.map((x) => x?.length)).toEqual([1, 249, 250, 199, 1]);
    expect(stretches.flatMap((x) => x ?? [])).toEqual(wire);
    expect(record?.decode(300, 300)).toEqual([]);
    expect(openIndexRecord({ ...encodeIndexRecord(wire, 0), json: '[' })).toBeUndefined();
  });

  it('for hostile input (unreadable payloads, errors with positions)', () => {
    for (const h of HOSTILE_INPUTS.filter((x) => x.name !== 'empty file')) {
      const docs = parsePayload(h.make(), { maxInputLength: LIMITS.file }).documents;
      const wire = docs.map((d) => toWire(d, { modelsOnDemand: true }));
      expect(throughStore(wire)).toEqual(wire);
    }
  });

  it('keeps the record compact: no object per document for where it is', () => {
    const text = generateCallbackLog({ count: 200, seed: 3 });
    const wire = parsePayload(text).documents.map((d) =>
      toWire(d, {
        modelsOnDemand: true,
        bytes: { start: d.source.start.offset, length: d.source.text.length },
      }),
    );
    const record = encodeIndexRecord(wire, text.length);
    expect(record.n).toBe(200);
    expect(record.at).toBeInstanceOf(Float64Array);
    expect(typeof record.json).toBe('string');
    expect(Object.keys(record.other)).toHaveLength(0);
  });

  it('keeps a digest JSON cannot hold (a number that is not finite) as it is', () => {
    const [doc] = parsePayload(readFixture('seed/case1-job-api.xml')).documents.map((d) => toWire(d));
    if (!doc) throw new Error('no document');
    const odd = { ...doc, digest: { ...doc.digest, times: { ...doc.digest.times, runTimeMs: Number.NaN } } };
    const back = decodeIndexRecord(structuredClone(encodeIndexRecord([odd, doc], 0)));
    expect(back?.[0]?.digest.times.runTimeMs).toBeNaN();
    expect(back).toEqual([odd, doc]);
  });

  it('a text that says null is kept as it is, with the other documents of its record', () => {
    const [doc] = parsePayload(readFixture('seed/case1-job-api.xml')).documents.map((d) => toWire(d));
    if (!doc) throw new Error('no document');
    const jobs = doc.digest.jobs.map((j) => ({ ...j, userData: 'null' }));
    const odd = { ...doc, digest: { ...doc.digest, jobs, searchText: 'null\nnull' } };
    const record = encodeIndexRecord([doc, odd, doc], 0);
    expect(decodeIndexRecord(structuredClone(record))).toEqual([doc, odd, doc]);
  });
});

describe('what is not a whole record of this version is not read (the file is parsed instead)', () => {
  const wire = parsePayload(readFixture('seed/case1-job-api.xml')).documents.map((d) => toWire(d));
  const record = encodeIndexRecord(wire, 10);

  it.each([
    ['nothing', undefined],
    ['a string', 'record'],
    ['another layout', { ...record, at: Array.from(record.at) }],
    ['a record cut short', { ...record, at: record.at.slice(0, 3) }],
    ['a count that does not match', { ...record, n: record.n + 1 }],
    ['no digests', { ...record, json: undefined }],
    ['digests cut short', { ...record, json: record.json.slice(0, -10) }],
    ['fewer digests than documents', { ...record, json: '[]' }],
    ['a digest that is not one', { ...record, json: '[[1,0]]' }],
    ['no strings', { ...record, strings: undefined }],
    ['strings cut short', { ...record, strings: [] }],
  ])('%s', (_, value) => {
    expect(decodeIndexRecord(structuredClone(value))).toBeUndefined();
  });

  it('a header of this version and this Blob’s size is read; of another version or size, not', () => {
    const header = indexHeader(1234, 2500, 3, 9000, []);
    expect(header.v).toBe(INDEX_VERSION);
    expect(readIndexHeader(structuredClone(header), 1234)).toEqual(header);
    expect(readIndexHeader({ ...header, v: 'another build' }, 1234)).toBeUndefined();
    expect(readIndexHeader({ ...header, v: undefined }, 1234)).toBeUndefined();
    expect(readIndexHeader(header, 1235)).toBeUndefined();
    // More documents than its records can hold: not a whole index.
    expect(readIndexHeader({ ...header, records: 2 }, 1234)).toBeUndefined();
    expect(readIndexHeader({ ...header, count: -1 }, 1234)).toBeUndefined();
    expect(readIndexHeader(undefined, 1234)).toBeUndefined();
    // The bytes it takes are counted in what the tab keeps: a header without them is of an older layout.
    expect(readIndexHeader({ ...header, bytes: undefined }, 1234)).toBeUndefined();
    expect(readIndexHeader({ ...header, bytes: -1 }, 1234)).toBeUndefined();
    expect(readIndexHeader(header, 1234)?.bytes).toBe(9000);
  });
});
