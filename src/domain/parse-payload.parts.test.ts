import { describe, expect, it } from 'vitest';
import type { CallbackDocument } from './model';
import { parsePayload, startParse } from './parse-payload';
import { fixtureNames, readFixture } from './test-support/fixtures';

/** What one of `parts` workers parses of `text` (`parse-worker.ts`): every `parts`-th batch from batch `part` on. */
function share(text: string, part: number, parts: number, size: number): CallbackDocument[] {
  const parse = startParse(text);
  const out: CallbackDocument[] = [];
  parse.skip(part * size);
  for (let sequence = part; sequence * size < Math.max(1, parse.total); sequence += parts) {
    out.push(...parse.next(size));
    parse.skip((parts - 1) * size);
  }
  return out;
}

describe('a text parsed in shares by several workers', () => {
  // Every fixture one after another, as a log would hold them (each on its own lines).
  const log = fixtureNames()
    .map(readFixture)
    .filter((t) => !t.trimStart().startsWith('POST'))
    .join('\n');

  it.each([
    [1, 1],
    [2, 1],
    [2, 3],
    [3, 2],
    [4, 5],
  ])('gives the documents of one parse: %i workers, batches of %i', (parts, size) => {
    const whole = parsePayload(log).documents;
    expect(whole.length).toBeGreaterThan(10);
    const shares = Array.from({ length: parts }, (_, part) => share(log, part, parts, size));
    const merged = shares.flat().sort((a, b) => a.index - b.index);
    expect(merged).toEqual(whole);
  });

  it('gives a single result (an empty or unreadable input) to the first worker only', () => {
    for (const text of ['not a callback', '<Response><JobsDetail>']) {
      expect(share(text, 0, 2, 1)).toEqual(parsePayload(text).documents);
      expect(share(text, 1, 2, 1)).toEqual([]);
    }
  });
});

describe('nextEach: each document given to a function as soon as it is parsed', () => {
  it('gives what the function makes of the documents `next` gives, in order, batch by batch', () => {
    const log = fixtureNames().map(readFixture).join('\n');
    for (const text of [log, '', 'not a callback', 'x'.repeat(200)]) {
      const whole = parsePayload(text, { maxInputLength: 100 }).documents;
      const parse = startParse(text, { maxInputLength: 100 });
      const seen: number[] = [];
      const out: { index: number; doc: CallbackDocument }[] = [];
      for (
        let batch = parse.nextEach(3, (doc) => (seen.push(doc.index), { index: doc.index, doc }));
        batch.length > 0;
      ) {
        expect(batch.length).toBeLessThanOrEqual(3);
        expect(seen.length).toBe(out.length + batch.length);
        out.push(...batch);
        batch = parse.nextEach(3, (doc) => (seen.push(doc.index), { index: doc.index, doc }));
      }
      expect(out.map((o) => o.doc)).toEqual(whole);
      expect(seen).toEqual(whole.map((d) => d.index));
    }
    const many = startParse(log, { maxInputLength: 1e9 });
    const all = parsePayload(log, { maxInputLength: 1e9 }).documents;
    expect(all.length).toBeGreaterThan(20);
    const got: CallbackDocument[] = [];
    for (let batch = many.nextEach(7, (d) => d); batch.length > 0; batch = many.nextEach(7, (d) => d))
      got.push(...batch);
    expect(got).toEqual(all);
  });
});
