// @vitest-environment node
/**
 * The structure limits (`STRUCTURE_LIMITS`: objects and arrays, distinct names), decided before a tree is built:
 * a payload just under each limit is read, one just over is refused with its diagnostic (which limit, the count,
 * the limit, where it was crossed), on every path that reads such a payload (the lone shortcut, the splitter's
 * pieces, the native and tolerant JSON parsers, the XML fast path and the library), and other documents of the
 * same input are unaffected.
 */
import { describe, expect, it } from 'vitest';
import { STRUCTURE_LIMITS } from './limits';
import { parsePayload } from './parse-payload';
import type { CallbackDocument } from './model';

const { containers: MAX_CONTAINERS, names: MAX_NAMES } = STRUCTURE_LIMITS;

/** One document of `text`, read by the lone shortcut and by the splitter: both must give the same. */
function only(text: string): CallbackDocument {
  const lone = parsePayload(text);
  const split = parsePayload(text, { splitAlways: true });
  expect(lone).toEqual(split);
  expect(lone.documents).toHaveLength(1);
  return lone.documents[0] as CallbackDocument;
}

function expectRefused(doc: CallbackDocument, code: string, offset: number): void {
  expect(doc.state).toBe('Invalid');
  expect(doc.diagnostics[0]).toMatchObject({ severity: 'error', code, position: { offset } });
}

/** `{"k0":0,…}` with `n` distinct keys, and `extra` before the closing brace. */
const keys = (n: number, value = (k: number) => String(k), extra = '') =>
  `{${Array.from({ length: n }, (_, k) => `"k${k}":${value(k)}`).join(',')}${extra}}`;

describe('distinct names in a JSON payload', () => {
  const cases = [
    ['a small text (JSON.parse, then its tree counted)', (k: number) => String(k)],
    [
      'a text over 64 KiB (counted in the one pass before JSON.parse)',
      (k: number) => `"${'v'.repeat(40)}${k}"`,
    ],
    [
      'a text with a lossy number (the tolerant parser counts)',
      (k: number) => (k === 0 ? '1.50' : String(k)),
    ],
  ] as const;

  it.each(cases)('%s: at the limit read, one more refused where it starts', (_, value) => {
    expect(only(keys(MAX_NAMES, value)).state).not.toBe('Invalid');
    const over = keys(MAX_NAMES + 1, value);
    const doc = only(over);
    expectRefused(doc, 'too-many-names', over.indexOf(`"k${MAX_NAMES}"`));
    expect(doc.diagnostics[0]?.message.en).toContain(
      `2,001 distinct names by this point "k2000", over the limit of 2,000`,
    );
    expect(doc.diagnostics[0]?.message.zh).toContain(
      '到此处已有 2,001 个不同的名称（"k2000"），超过上限 2,000 个',
    );
    // The raw source stays viewable.
    expect(doc.source.text).toBe(over);
  });

  it('names that repeat count once: 50,000 members over 1,000 names are read', () => {
    const group = (g: number) => `{${Array.from({ length: 1000 }, (_, k) => `"k${k}":${g}`).join(',')}}`;
    const text = `{"r":[${Array.from({ length: 50 }, (_, g) => group(g)).join(',')}]}`;
    expect(only(text).state).not.toBe('Invalid');
  });

  it('each callback of a top-level array is counted on its own; the other documents are unaffected', () => {
    const small = (g: number) => keys(1500, (k) => String(k + g)).replace('{', `{"g${g}":1,`);
    const text = `[${small(1)},${keys(MAX_NAMES + 1)},${small(2)}]`;
    const docs = parsePayload(text).documents;
    expect(docs).toHaveLength(3);
    expect(docs.map((d) => d.state === 'Invalid')).toEqual([false, true, false]);
    expect(docs[1]?.diagnostics[0]?.code).toBe('too-many-names');
    // 3,000 distinct names in the array as a whole, but each callback holds at most 2,000.
    expect(docs[1]?.diagnostics[0]?.position?.offset).toBe(text.indexOf(`"k${MAX_NAMES}"`));
  });

  it('a payload behind a log prefix (a piece of the splitter) is refused the same way, at its line and column', () => {
    const over = keys(MAX_NAMES + 1);
    const text = `{"a":1}\n2026-12-01 10:00:00 INFO cb ${over}\n`;
    const docs = parsePayload(text).documents;
    expect(docs.map((d) => d.state === 'Invalid')).toEqual([false, true]);
    const at = text.indexOf(`"k${MAX_NAMES}"`);
    expect(docs[1]?.diagnostics[0]).toMatchObject({
      code: 'too-many-names',
      position: { line: 2, column: at - text.indexOf('\n'), offset: at },
    });
  });
});

describe('objects and arrays in a JSON payload', () => {
  /** `[[],[],…]`: `n` containers in all. */
  const arrays = (n: number) => `[${'[],'.repeat(n - 2)}[]]`;

  it('at the limit read; one more refused at the container that crosses it', () => {
    expect(only(arrays(MAX_CONTAINERS)).state).not.toBe('Invalid');
    const over = arrays(MAX_CONTAINERS + 1);
    const doc = only(over);
    expectRefused(doc, 'too-many-containers', over.length - 3);
    expect(doc.diagnostics[0]?.message.en).toContain('1,500,001 by this point, over the limit of 1,500,000');
    expect(doc.diagnostics[0]?.message.zh).toContain('到此处已有 1,500,001 个，超过上限 1,500,000 个');
  });

  it('the tolerant parser (a lossy number first) refuses at the same place', () => {
    const over = `[1.50,${arrays(MAX_CONTAINERS + 1).slice(1)}`;
    expectRefused(only(over), 'too-many-containers', over.length - 3);
  });
});

describe('distinct names in an XML payload', () => {
  const wide = (n: number, item = (k: number) => `<a${k}>${k}</a${k}>`) =>
    `<R>${Array.from({ length: n }, (_, k) => item(k)).join('')}</R>`;

  it.each([
    ['elements (the fast path)', (k: number) => `<a${k}>${k}</a${k}>`],
    ['elements with an entity (the library)', (k: number) => `<a${k}>${k}&amp;</a${k}>`],
    ['elements with a comment (the library)', (k: number) => `<a${k}><!-- c -->${k}</a${k}>`],
  ])('%s: at the limit read, one more refused at its name', (_, item) => {
    // `R` is a name too.
    expect(only(wide(MAX_NAMES - 1, item)).state).not.toBe('Invalid');
    const over = wide(MAX_NAMES, item);
    const doc = only(over);
    expectRefused(doc, 'too-many-names', over.indexOf(`<a${MAX_NAMES - 1}>`) + 1);
    expect(doc.diagnostics[0]?.message.en).toContain('"a1999", over the limit of 2,000');
  });

  it('attribute names count, on both paths', () => {
    for (const amp of ['', '&amp;']) {
      const over = `<R>${Array.from({ length: MAX_NAMES }, (_, k) => `<a x${k}="1">${amp}</a>`).join('')}</R>`;
      // R, a, then x0…x1997 make 2,000; x1998 is the 2,001st.
      expectRefused(only(over), 'too-many-names', over.indexOf('x1998'));
    }
  });

  it('the other documents of the input are read', () => {
    const text = `<R><a>1</a></R>\n${wide(MAX_NAMES)}\n<R><b>2</b></R>\n`;
    const docs = parsePayload(text).documents;
    expect(docs.map((d) => d.state === 'Invalid')).toEqual([false, true, false]);
  });
});
