/** The XML fast path's own refusals (a closing tag of another name, too many entity expansions), against the library's. */
import { describe, expect, it } from 'vitest';
import { isRepeatingIn, parseXml } from './parse-xml';
import { MAX_ENTITY_EXPANSIONS } from './xml-entities';
import { FastRefusal, readPlainXml } from './xml-fast-path';

describe('the XML fast path refuses a closing tag of another name itself, as the library does', () => {
  it.each([
    [
      'at the end',
      '<R><a>1</a></S>',
      "Expected closing tag 'R' (opened in line 1, col 1) instead of closing tag 'S'.",
    ],
    [
      'on another line',
      '<R>\n  <a>1</a>\n  <b x="1">2</c>\n</R>',
      "Expected closing tag 'b' (opened in line 3, col 3) instead of closing tag 'c'.",
    ],
    [
      'a longer name',
      '<R><a>1</ab></R>',
      "Expected closing tag 'a' (opened in line 1, col 4) instead of closing tag 'ab'.",
    ],
  ])('%s', (_, text, message) => {
    const refusal = readPlainXml(text, isRepeatingIn);
    expect(refusal).toBeInstanceOf(FastRefusal);
    const at = (offset: number) => ({ line: 1, column: offset + 1, offset });
    const fast = parseXml(text, [[0, text.length]], at);
    expect(fast).toStrictEqual(parseXml(text, [[0, text.length]], at, { fastPath: false }));
    expect(fast).toMatchObject({
      ok: false,
      error: { code: 'xml-mismatched-tag', message: { en: expect.stringContaining(message) } },
    });
  });

  it('in the second of several roots, with its lines counted from that root, as the validator counts them', () => {
    const text = '<JobsDetail><a>1</a></JobsDetail>\n<JobsDetail>\n<a>1</b></JobsDetail>';
    const second = text.indexOf('<JobsDetail>', 1);
    const roots = [
      [0, second - 1],
      [second, text.length],
    ] as const;
    expect(readPlainXml(text, isRepeatingIn, roots)).toBeInstanceOf(FastRefusal);
    const at = (offset: number) => ({ line: 1, column: offset + 1, offset });
    expect(parseXml(text, roots, at)).toStrictEqual(parseXml(text, roots, at, { fastPath: false }));
  });
});

describe('the XML fast path decodes the five predefined entities, as the library does', () => {
  const at = (offset: number) => ({ line: 1, column: 1, offset });
  it.each([
    ['in text', '<R><a>1 &amp; 2</a><b>&lt;&gt;&quot;&apos;</b></R>', { R: { a: '1 & 2', b: `<>"'` } }],
    ['after trimming', '<R><a>  &amp;  </a></R>', { R: { a: '&' } }],
    ['once: `&amp;lt;` is `&lt;`', '<R><a>&amp;lt;</a></R>', { R: { a: '&lt;' } }],
    [
      'in attribute values',
      '<R><a x="&quot;q&quot;" y=\'&apos;\'>1</a></R>',
      { R: { a: { '#text': '1', '@_x': '"q"', '@_y': "'" } } },
    ],
  ])('%s', (_, text, tree) => {
    expect(readPlainXml(text, isRepeatingIn)).toStrictEqual(tree);
    expect(parseXml(text, [], at, { fastPath: false })).toStrictEqual({ ok: true, root: tree });
  });

  it('more expansions than the library allows in one document: refused with its message, as the library refuses', () => {
    const item = (k: number) => `<a>${k}&amp;</a>`;
    const over = `<R>${Array.from({ length: MAX_ENTITY_EXPANSIONS + 1 }, (_, k) => item(k)).join('')}</R>`;
    const refusal = readPlainXml(over, isRepeatingIn);
    expect(refusal).toBeInstanceOf(FastRefusal);
    const fast = parseXml(over, [], at);
    expect(fast).toStrictEqual(parseXml(over, [], at, { fastPath: false }));
    expect(fast).toMatchObject({ ok: false, error: { code: 'xml-bad-entity' } });
    // At the limit, read.
    const atLimit = `<R>${Array.from({ length: MAX_ENTITY_EXPANSIONS }, (_, k) => item(k)).join('')}</R>`;
    const tree = readPlainXml(atLimit, isRepeatingIn) as { R: { a: string[] } };
    expect(tree.R.a).toHaveLength(MAX_ENTITY_EXPANSIONS);
    expect(parseXml(atLimit, [], at, { fastPath: false })).toStrictEqual({ ok: true, root: tree });
  });
});
