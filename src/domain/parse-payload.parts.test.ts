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
