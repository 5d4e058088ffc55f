// @vitest-environment node
/** What JSONTestSuite found in the JSON readers, each pinned where it was fixed (issue 18). */
import { describe, expect, it } from 'vitest';
import { parsePayload } from '../parse-payload';
import { parseJson, parseNative, parseTolerant } from './parse-json';
import { splitPayloads } from './split';

const nowhere = (offset: number) => ({ line: 1, column: offset + 1, offset });

/** Every way a lone JSON text is read: lone (native), split (scan findings), and the tolerant parser. */
function outcomes(text: string) {
  const lone = parsePayload(text);
  const split = parsePayload(text, { splitAlways: true });
  return { lone, split, tolerant: parseTolerant(text) };
}

describe('a comma is tolerated only after a value', () => {
  it.each(['[,]', '{,}', '[[,]]', '{"a":[,]}', '[1,,]', '{"a":1,,}', '{"a":,}', '[ , ]', '[\n,\n]'])(
    '%s is refused by every reader',
    (text) => {
      const { lone, split, tolerant } = outcomes(text);
      expect(tolerant.ok).toBe(false);
      expect(parseNative(text)).toBeUndefined();
      // The comma that follows no value: after `[`, `{`, `:` or another comma.
      const after = /[[{:,]\s*,/.exec(text) as RegExpExecArray;
      const stray = after.index + after[0].length - 1;
      for (const result of [lone, split]) {
        expect(result.documents).toHaveLength(1);
        const doc = result.documents[0];
        expect(doc?.state).toBe('Invalid');
        // JSON's own error, at the comma no value comes before (`[,]` was "no payload found").
        expect(doc?.format).toBe('json');
        expect(doc?.diagnostics[0]).toMatchObject({
          code: 'json-unexpected-char',
          position: { offset: stray },
        });
        // Its detail in Chinese too (it was English in both).
        expect(doc?.diagnostics[0]?.message.zh).toMatch(/，此处应为(一个值|带引号的键)$/);
      }
    },
  );

  it.each(['[1,]', '{"a":1,}', '{"a":[1,],}', '{"a":"x" ,\n}', '[true,]', '[[],]'])(
    '%s is read, each trailing comma reported as info',
    (text) => {
      const { lone, split, tolerant } = outcomes(text);
      expect(tolerant.ok).toBe(true);
      for (const result of [lone, split]) {
        const doc = result.documents[0];
        expect(doc?.state).not.toBe('Invalid');
        const commas = doc?.diagnostics.filter((d) => d.code === 'trailing-comma') ?? [];
        expect(commas.length).toBeGreaterThan(0);
        for (const d of commas) expect(text[d.position?.offset ?? -1]).toBe(',');
      }
    },
  );
});

describe('U+FEFF is white space only as a byte order mark', () => {
  it('refuses it inside a document, where JSON.parse does', () => {
    for (const text of ['[1,\ufeff2]', '{\ufeff"a":1}', '{"a":1\ufeff}']) {
      const tolerant = parseTolerant(text);
      expect(tolerant.ok).toBe(false);
      if (!tolerant.ok) {
        expect(tolerant.offset).toBe(text.indexOf('\ufeff'));
        expect(tolerant.code).toBe('json-unexpected-char');
      }
      const doc = parsePayload(text).documents[0];
      expect(doc?.state).toBe('Invalid');
      // The message names it rather than quoting an invisible character.
      expect(doc?.diagnostics[0]?.message.en).toContain('U+FEFF');
    }
  });

  it('still takes a leading byte order mark, with its info', () => {
    const result = parsePayload('\ufeff{"a":1}');
    expect(result.documents[0]?.state).not.toBe('Invalid');
    expect(result.diagnostics.map((d) => d.code)).toContain('byte-order-mark');
  });
});

describe('error details', () => {
  it('report an invalid escape at the escape, not at the string', () => {
    for (const [text, at] of [
      ['["\\x00"]', 2],
      ['{"key":"ok\\n then \\q"}', 18],
      ['["\\u12"]', 2],
      ['["a\\u00e9b\\uZZZZ"]', 10],
    ] as const) {
      const result = parseJson(text, nowhere);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('json-bad-string');
        expect(result.error.position?.offset).toBe(at);
        expect(text[at]).toBe('\\');
      }
    }
  });

  it('never quote a raw control character or half a surrogate pair', () => {
    for (const text of [
      '[1\u0000]',
      '["a\u0001"]',
      '{"a":1}\u0007',
      '[\ud83d]',
      '[\udc00',
      '["\ud800"\u0000]',
    ]) {
      for (const doc of parsePayload(text).documents) {
        for (const d of doc.diagnostics) {
          for (const message of [d.message.en, d.message.zh]) {
            expect(message).not.toMatch(
              // eslint-disable-next-line no-control-regex
              /[\u0000-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
            );
          }
        }
      }
    }
    const quoted = parsePayload('[1\u0000]').documents[0]?.diagnostics[0]?.message.en;
    expect(quoted).toContain('U+0000');
  });

  it('quote a whole astral character, not half of it', () => {
    const result = parseJson('{"a":1}😀', nowhere);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.en).toContain("'😀'");
  });
});

describe('short inputs with a bad byte are JSON errors with a position, not "binary"', () => {
  it.each(['["a\u0000b"]', '[1\u0001]', '{"a":"\u0007"}', '[1,\u0000]'])('%j', (text) => {
    const doc = parsePayload(text).documents[0];
    expect(doc?.state).toBe('Invalid');
    expect(doc?.diagnostics[0]?.code).not.toBe('binary-input');
    expect(doc?.diagnostics[0]?.code).toMatch(/^json-/);
    expect(doc?.diagnostics[0]?.position).toBeDefined();
  });

  it('a file full of control characters and NULs is still binary', () => {
    const png =
      '\ufffdPNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0001\u0000\u0000\u0000\u0001\u0000\b\u0006';
    expect(parsePayload(png + 'x'.repeat(200)).documents[0]?.diagnostics[0]?.code).toBe('binary-input');
  });
});

describe('what follows a payload on its line', () => {
  it('{"a":"b"}#{}: the # is stray text after the payload, reported where it is', () => {
    const result = parsePayload('{"a":"b"}#{}');
    expect(result.documents).toHaveLength(1);
    const error = result.documents[0]?.diagnostics[0];
    expect(result.documents[0]?.state).toBe('Invalid');
    expect(error?.code).toBe('json-unexpected-char');
    expect(error?.position?.offset).toBe(9);
  });

  it('a log prefix is a prefix only at the start of a line', () => {
    const log = '2026-11-30 INFO {"a":1}\n2026-11-30 INFO {"b":2}\n';
    const split = splitPayloads(log);
    expect(split.pieces.map((p) => log.slice(p.start, p.end))).toEqual(['{"a":1}', '{"b":2}']);
    const xml = '<a>1</a> junk <b>2</b>';
    const pieces = splitPayloads(xml).pieces;
    expect(pieces).toHaveLength(1);
    expect(parsePayload(xml).documents[0]?.state).toBe('Invalid');
  });

  it('[][] and {}{}: two documents, the second warned that it runs on from the first', () => {
    for (const text of ['[][]', '{}{}', '{"a":1} {"b":2}']) {
      const result = parsePayload(text);
      expect(result.documents).toHaveLength(2);
      expect(result.documents[0]?.diagnostics.map((d) => d.code)).not.toContain('payloads-run-together');
      const warning = result.documents[1]?.diagnostics.find((d) => d.code === 'payloads-run-together');
      expect(warning?.severity).toBe('warning');
      expect(warning?.position?.offset).toBe(text.lastIndexOf(text.includes('[') ? '[' : '{'));
    }
  });

  it('values on lines of their own are documents without that warning', () => {
    const result = parsePayload('{"a":1}\n{"b":2}\n[]\n');
    expect(result.documents).toHaveLength(3);
    const codes = result.documents.flatMap((d) => d.diagnostics.map((x) => x.code));
    expect(codes).not.toContain('payloads-run-together');
  });
});

describe('wide shapes stay linear', () => {
  it('a lone object of 50,000 numeric members is read, its numbers exact (within a guard against hangs)', () => {
    // 500 objects of 100 numeric keys each: the names limit (2,000 distinct) refuses 50,000 distinct keys, the
    // width limit an object of more than 127.
    const group = (g: number) =>
      `{${Array.from({ length: 100 }, (_, k) => `"key${(g % 10) * 100 + k}":${(g * 100 + k) * 7}`).join(',')}}`;
    const groups = Array.from({ length: 500 }, (_, g) => group(g));
    const text = `{"r":[${groups.join(',')}],"big":12345678901234567890}`;
    const began = performance.now();
    const doc = parsePayload(text).documents[0];
    expect(performance.now() - began).toBeLessThan(10_000);
    expect(doc?.state).not.toBe('Invalid');
    const native = parseNative(text);
    // A number a float would change sends the text to the tolerant parser, which keeps its digits.
    expect(native).toBeUndefined();
    const exact = parseNative(text.replace('12345678901234567890', '1'));
    expect((exact?.root as { r: Record<string, number>[] }).r[499]?.['key999']).toBe(49_999 * 7);
  });
});

describe('characters the splitter skips before a payload are reported', () => {
  it('a control character or U+FFFD before a payload: the payload read, the character named where it is', () => {
    for (const [text, code] of [
      ['\u0001{"a":1}', 'stray-control-character'],
      ['\ufffd{"a":1}', 'replacement-character'],
      ['x\u0007 <R><a>1</a></R>', 'stray-control-character'],
    ] as const) {
      const result = parsePayload(text);
      expect(result.documents).toHaveLength(1);
      expect(result.documents[0]?.state).not.toBe('Invalid');
      const found = result.diagnostics.find((d) => d.code === code);
      expect(found?.severity).toBe('warning');
      // eslint-disable-next-line no-control-regex
      expect(found?.position?.offset).toBe(text.search(/[\u0001\u0007\ufffd]/));
    }
  });
});

describe('a top-level array of callbacks', () => {
  const callback = (id: string) =>
    `{"EventName":"TaskFinish","JobsDetail":{"JobId":"${id}","State":"Success"}}`;

  it('reports its own trailing comma on its last callback, at the comma', () => {
    const text = `[\n${callback('j1')},\n${callback('j2')},\n]`;
    const { documents } = parsePayload(text);
    expect(documents).toHaveLength(2);
    const commasOf = (i: number) =>
      documents[i]?.diagnostics.filter((d) => d.code === 'trailing-comma') ?? [];
    expect(commasOf(0)).toEqual([]);
    expect(commasOf(1).map((d) => d.position?.offset)).toEqual([text.lastIndexOf(',')]);
    expect(commasOf(1)[0]?.position).toMatchObject({ line: 3 });
  });

  it("reports a callback's own trailing commas and the array's apart", () => {
    const inner = '{"EventName":"TaskFinish","JobsDetail":{"JobId":"j3","State":"Success",},}';
    const text = `[${callback('j1')},${inner},]`;
    const { documents } = parsePayload(text);
    const offsets = documents[1]?.diagnostics
      .filter((d) => d.code === 'trailing-comma')
      .map((d) => d.position?.offset);
    const start = text.indexOf(inner);
    expect(offsets).toEqual([start + inner.indexOf(',}'), start + inner.lastIndexOf(',}'), text.length - 2]);
  });

  it('without a trailing comma, says nothing of one', () => {
    const { documents } = parsePayload(`[${callback('j1')},${callback('j2')}]`);
    expect(documents.flatMap((d) => d.diagnostics).filter((d) => d.code === 'trailing-comma')).toEqual([]);
  });
});
