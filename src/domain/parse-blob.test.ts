import { describe, expect, it } from 'vitest';
import { generateCallbackLog } from '../../bench/generate-log';
import type { CallbackDocument } from './model';
import { parseBlob, type BlobDocument, type BlobParseOptions } from './parse-blob';
import { parsePayload } from './parse-payload';
import { fixtureNames, readFixture } from './test-support/fixtures';

const BIG = 1 << 30;

async function readAll(
  blob: Blob,
  options: BlobParseOptions,
): Promise<{ documents: BlobDocument[]; diagnostics: unknown; steps: number }> {
  const documents: BlobDocument[] = [];
  const run = parseBlob(blob, options);
  let steps = 0;
  for (;;) {
    const next = await run.next();
    if (next.done) return { documents, diagnostics: next.value, steps };
    steps++;
    documents.push(...next.value.documents);
  }
}

/** What a document is, as the page sees it (the model read through, not its identity). */
function view(doc: CallbackDocument) {
  return {
    index: doc.index,
    format: doc.format,
    state: doc.state,
    source: doc.source,
    diagnostics: doc.diagnostics,
    model: doc.model,
  };
}

async function expectSameAsWhole(text: string, options: BlobParseOptions, blob = new Blob([text])) {
  const whole = parsePayload(text, { maxInputLength: BIG, splitAlways: true });
  const read = await readAll(blob, options);
  expect(read.documents.map((d) => view(d.doc))).toEqual(whole.documents.map(view));
  expect(read.diagnostics).toEqual(whole.diagnostics);
  // Every document's bytes read back give its source text.
  for (const { doc, bytes } of read.documents) {
    if (bytes === undefined) continue;
    const back = await blob.slice(bytes.start, bytes.start + bytes.length).text();
    expect(back).toBe(doc.source.text);
  }
  return read;
}

describe('parseBlob: a file read in chunks gives the documents of the whole text', () => {
  it('a generated log (XML, JSON Lines, log prefixes, noise lines), cut into many small chunks', async () => {
    const log = generateCallbackLog({ count: 300, seed: 7 });
    const read = await expectSameAsWhole(log, { firstBlock: 2048, blockSize: 16 * 1024 });
    expect(read.steps).toBeGreaterThan(20);
    expect(read.documents.length).toBe(300);
    expect(read.documents.every((d) => d.bytes !== undefined)).toBe(true);
  });

  /** 200 generated callbacks, one a line, without prefixes or noise lines. */
  const callbackLines = (seed: number) =>
    generateCallbackLog({ count: 200, seed, prefixShare: 0, noiseShare: 0 })
      .split('\n')
      .filter((line) => line !== '');

  it('a log whose lines start with a bracketed timestamp: every callback listed, none taken for a JSON array', async () => {
    const lines = callbackLines(11);
    const log = lines
      .map((line, k) => `[2026-11-30 12:${String(k % 60).padStart(2, '0')}:01.${k}] [ci-${k}] ${line}`)
      .join('\n');
    const read = await expectSameAsWhole(log, { firstBlock: 1024, blockSize: 8 * 1024 });
    expect(read.documents.length).toBe(200);
    expect(read.documents.filter((d) => d.doc.state === 'Invalid')).toEqual([]);
  });

  it('HTTP request dumps one after another: each body read with its own headers, across chunks', async () => {
    const xml = readFixture('derived/http_request_dump.txt').trim();
    const json = readFixture('derived/moderation_simple_http_dump.txt').trim();
    const text = Array.from({ length: 40 }, (_, k) => (k % 3 === 1 ? json : xml)).join('\n\n');
    const read = await expectSameAsWhole(text, { firstBlock: 1024, blockSize: 1024 });
    expect(read.documents.length).toBe(40);
    const codes = read.documents.map((d) => d.doc.diagnostics.map((x) => x.code));
    expect(codes.filter((c) => c.includes('content-type-mismatch'))).toEqual([]);
    expect(codes.every((c) => c.includes('http-request'))).toBe(true);
  });

  it('a log whose JSON callbacks are pretty-printed after their prefix: every callback read whole, across chunks', async () => {
    const lines = callbackLines(12);
    const pretty = (line: string): string => {
      try {
        return JSON.stringify(JSON.parse(line), null, 2);
      } catch {
        return line; // XML, or JSON with a trailing comma: one line
      }
    };
    const log = lines
      .map(
        (line, k) =>
          `2026-11-30 12:${String(k % 60).padStart(2, '0')}:01,${k} INFO callback: ${pretty(line)}`,
      )
      .join('\n');
    expect(log.split('\n').length).toBeGreaterThan(2000);
    const read = await expectSameAsWhole(log, { firstBlock: 1024, blockSize: 8 * 1024 });
    expect(read.documents.length).toBe(200);
    expect(read.documents.filter((d) => d.doc.state === 'Invalid')).toEqual([]);
  });

  it('the same log with some callbacks cut short: each ends at the next log line, across chunks', async () => {
    const lines = callbackLines(12);
    let cut = 0;
    const log = lines
      .map((line, k) => {
        let text = line;
        try {
          text = JSON.stringify(JSON.parse(line), null, 2);
          // Every seventh JSON callback cut after its fifth line (a log's size limit, a partial copy).
          if (k % 7 === 3) {
            text = text.split('\n').slice(0, 5).join('\n');
            cut++;
          }
        } catch {
          // XML, or JSON with a trailing comma: one line
        }
        return `2026-11-30 12:${String(k % 60).padStart(2, '0')}:01,${k} INFO callback: ${text}`;
      })
      .join('\n');
    expect(cut).toBeGreaterThan(10);
    for (const block of [1024, 8 * 1024]) {
      const read = await expectSameAsWhole(log, { firstBlock: block, blockSize: block });
      expect(read.documents.length).toBe(200);
      expect(read.documents.filter((d) => d.doc.state === 'Invalid').length).toBe(cut);
    }
  });

  it('bare pretty-printed callbacks, some cut short: each ends where the next starts, across chunks', async () => {
    let cut = 0;
    const text = callbackLines(13)
      .filter((line) => line.startsWith('{'))
      .flatMap((line, k) => {
        try {
          const printed = JSON.stringify(JSON.parse(line), null, 2);
          if (k % 7 !== 3) return [printed];
          cut++;
          return [printed.split('\n').slice(0, 5).join('\n')];
        } catch {
          return []; // JSON with a trailing comma: one line
        }
      })
      .join('\n');
    expect(cut).toBeGreaterThan(5);
    for (const block of [1024, 8 * 1024]) {
      const read = await expectSameAsWhole(text, { firstBlock: block, blockSize: block });
      expect(read.documents.filter((d) => d.doc.state === 'Invalid').length).toBe(cut);
      expect(read.documents.length).toBeGreaterThan(cut * 5);
    }
  });

  it('every fixture, pretty-printed over many lines, one after another: payloads cut by chunks are read whole', async () => {
    const chinese =
      '<Response><JobsDetail><JobId>j-中文</JobId><UserData>数据万象 😀</UserData></JobsDetail></Response>';
    const text = [chinese, ...fixtureNames().map(readFixture), chinese].join('\n');
    expect([...text].some((c) => c.charCodeAt(0) > 0x7f)).toBe(true); // UTF-8 characters of several bytes: bytes counted
    for (const block of [512, 4096, 65536]) {
      const read = await expectSameAsWhole(text, { firstBlock: block, blockSize: block });
      expect(read.documents.length).toBeGreaterThan(50);
      expect(read.documents.every((d) => d.bytes !== undefined)).toBe(true);
    }
  });

  it('a file larger than the window read again before each block, and its next block read while one is parsed', async () => {
    // Over 1 MiB (the bytes a chunk may leave held, read again with the next block), with a UTF-8 callback.
    const log = `${generateCallbackLog({ count: 500, seed: 5 })}\n<Response><JobsDetail><JobId>j-中文</JobId></JobsDetail></Response>\n`;
    const blob = new Blob([log]);
    expect(blob.size).toBeGreaterThan(1.2 * 1024 * 1024);
    const asked: [number, number][] = [];
    class CountingBlob extends Blob {
      override slice(start?: number, end?: number): Blob {
        asked.push([start ?? 0, end ?? this.size]);
        return super.slice(start, end);
      }
    }
    const counting = new CountingBlob([log]);
    const longestLine = Math.max(...log.split('\n').map((line) => new TextEncoder().encode(line).length));
    expect(longestLine).toBeLessThan(16 * 1024);
    for (const blockSize of [16 * 1024, 100_000]) {
      asked.length = 0;
      const run = parseBlob(counting, { firstBlock: 4096, blockSize, batchSize: 1_000_000 });
      const first = await run.next();
      expect(first.done).toBe(false);
      // The next block was asked for before the first step was taken: the bytes asked for reach past the chunk
      // parsed, of which at most a line is left unread.
      const reached = Math.max(...asked.map(([, end]) => end));
      expect(reached - (first.done ? 0 : first.value.bytesRead)).toBeGreaterThan(longestLine);
      await run.return([]);
      const read = await expectSameAsWhole(log, { firstBlock: 4096, blockSize }, counting);
      expect(read.documents.length).toBe(501);
      expect(read.documents.every((d) => d.bytes !== undefined)).toBe(true);
    }
  });

  it('a long line without a line end in a chunk is read on until it ends', async () => {
    const line = `{"a":"${'x'.repeat(50_000)}"}`;
    const text = `${line}\n${line}\n<Response><JobsDetail><JobId>j</JobId></JobsDetail></Response>\n`;
    const read = await expectSameAsWhole(text, { firstBlock: 1000, blockSize: 1000 });
    expect(read.documents.length).toBe(3);
  });

  it('bytes that are not UTF-8: mapped when each became one character, else the documents keep their text', async () => {
    const good = new TextEncoder().encode('{"Response":{"JobsDetail":[{"JobId":"a"}]}}\n');
    const one = new Uint8Array([...good, 0xff, 0x0a, ...good]);
    const mapped = await expectSameAsWhole(new TextDecoder().decode(one), {}, new Blob([one]));
    expect(mapped.documents.every((d) => d.bytes !== undefined)).toBe(true);

    // A character cut short: two bytes became one U+FFFD.
    const bytes = new Uint8Array([...good, 0xe4, 0xb8, 0x0a, ...good]);
    const text = new TextDecoder().decode(bytes);
    const read = await expectSameAsWhole(text, { firstBlock: 4096 }, new Blob([bytes]));
    expect(read.documents.length).toBe(2);
    expect(read.documents.every((d) => d.bytes === undefined)).toBe(true);
  });

  it('blank, noise only, binary: said as for the whole text', async () => {
    const blank = await readAll(new Blob(['  \n\n  ']), {});
    expect(blank.documents).toEqual([]);
    expect(blank.diagnostics).toEqual(parsePayload('  \n\n  ').diagnostics);

    const noise = 'just a line\nanother line\n';
    const read = await readAll(new Blob([noise]), { firstBlock: 8 });
    expect(read.documents.map((d) => d.doc.diagnostics[0]?.code)).toEqual(['no-payload']);

    const binary = new Uint8Array(4096).map((_, i) => (i % 7 === 0 ? 0 : 65 + (i % 26)));
    const bin = await readAll(new Blob([binary]), { firstBlock: 1024 });
    expect(bin.documents.map((d) => d.doc.diagnostics[0]?.code)).toEqual(['binary-input']);
  });

  it('`convert` gives what it makes of each document, in order, for every kind of step', async () => {
    const log = generateCallbackLog({ count: 120, seed: 11 });
    const inputs: [BlobPart, BlobParseOptions][] = [
      [log, { firstBlock: 2048, blockSize: 8192, batchSize: 7 }],
      ['just a line\nanother line\n', { firstBlock: 8 }], // the document of `finish`: no payload
      [new Uint8Array(4096).map((_, i) => (i % 7 === 0 ? 0 : 65)), { firstBlock: 1024 }], // binary: one document
    ];
    for (const [part, options] of inputs) {
      const plain = await readAll(new Blob([part]), options);
      const seen: number[] = [];
      const convert = ({ doc, bytes }: BlobDocument) => {
        seen.push(doc.index);
        return { index: doc.index, bytes, view: view(doc) };
      };
      const run = parseBlob(new Blob([part]), { ...options, convert });
      const converted: ReturnType<typeof convert>[] = [];
      for (let next = await run.next(); ; next = await run.next()) {
        if (next.done) {
          expect(next.value).toEqual(plain.diagnostics);
          break;
        }
        // Each step's documents were converted when made, none ahead of the step.
        expect(seen.length).toBe(converted.length + next.value.documents.length);
        converted.push(...next.value.documents);
      }
      expect(plain.documents.length).toBeGreaterThan(0);
      expect(converted).toEqual(
        plain.documents.map((d) => ({ index: d.doc.index, bytes: d.bytes, view: view(d.doc) })),
      );
      expect(seen).toEqual(plain.documents.map((d) => d.doc.index));
    }
  });

  it('stops when cancelled, keeping what was given', async () => {
    const log = generateCallbackLog({ count: 100, seed: 3 });
    let reads = 0;
    const read = await readAll(new Blob([log]), {
      firstBlock: 4096,
      blockSize: 4096,
      isCancelled: () => ++reads > 12,
    });
    expect(read.documents.length).toBeGreaterThan(0);
    expect(read.documents.length).toBeLessThan(100);
  });
});
