// @vitest-environment node
/**
 * The structure limits (`STRUCTURE_LIMITS`: objects and arrays, distinct names, object shapes, keys in one object),
 * decided before a tree is built: a payload just under each limit is read, one just over is refused with its
 * diagnostic (which limit, the count, the limit, where it was crossed), on every path that reads such a payload
 * (the lone shortcut, the splitter's pieces, the native and tolerant JSON parsers, the XML fast path and the
 * library), and other documents of the same input are unaffected.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STRUCTURE_LIMITS } from './limits';
import { parsePayload } from './parse-payload';
import type { CallbackDocument } from './model';
import { isRepeatingIn, parseXml } from './parse/parse-xml';
import { readPlainXml } from './parse/xml-fast-path';

const {
  containers: MAX_CONTAINERS,
  names: MAX_NAMES,
  shapes: MAX_SHAPES,
  width: MAX_WIDTH,
  attributes: MAX_ATTRIBUTES,
} = STRUCTURE_LIMITS;
/** The containers limit and one past it, as the diagnostics write them. */
const LIMIT = MAX_CONTAINERS.toLocaleString('en-US');
const OVER = (MAX_CONTAINERS + 1).toLocaleString('en-US');

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

/**
 * `n` distinct keys `k0`, `k1`, … in the order they appear, in objects of 100 (within the width): `k0` holds `k1`…
 * `k99`, `k100` holds `k101`…, each inner key with `value(k)`. Each key makes one shape: `n` in all.
 */
const keys = (n: number, value = (k: number) => String(k)) => {
  const groups: string[] = [];
  for (let g = 0; g < n; g += 100) {
    const inner = Array.from(
      { length: Math.min(99, n - g - 1) },
      (_, j) => `"k${g + j + 1}":${value(g + j + 1)}`,
    );
    groups.push(`"k${g}":{${inner.join(',')}}`);
  }
  return `{${groups.join(',')}}`;
};

describe('distinct names in a JSON payload', () => {
  const cases = [
    ['a small text (JSON.parse, then its tree counted)', (k: number) => String(k)],
    [
      'a text over 64 KiB (counted in the one pass before JSON.parse)',
      (k: number) => `"${'v'.repeat(40)}${k}"`,
    ],
    [
      'a text with a lossy number (the tolerant parser counts)',
      (k: number) => (k === 1 ? '1.50' : String(k)),
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
    const group = (g: number) =>
      `{${Array.from({ length: 100 }, (_, k) => `"k${(g % 10) * 100 + k}":${g}`).join(',')}}`;
    const text = `{"r":[${Array.from({ length: 500 }, (_, g) => group(g)).join(',')}]}`;
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
    expect(doc.diagnostics[0]?.message.en).toContain(`${OVER} by this point, over the limit of ${LIMIT}`);
    expect(doc.diagnostics[0]?.message.zh).toContain(`到此处已有 ${OVER} 个，超过上限 ${LIMIT} 个`);
  });

  it('the tolerant parser (a lossy number first) refuses at the same place', () => {
    const over = `[1.50,${arrays(MAX_CONTAINERS + 1).slice(1)}`;
    expectRefused(only(over), 'too-many-containers', over.length - 3);
  });
});

describe('objects in an XML payload (elements holding elements or attributes)', () => {
  /** `a` nested `depth` deep around `<b/>`: `depth` objects. */
  const chain = (depth: number) => `${'<a>'.repeat(depth)}<b/>${'</a>'.repeat(depth)}`;
  /** `<R>` holding chains of `n` objects in all (with `R`'s own), then `tail`. */
  const objects = (n: number, tail = '') =>
    `<R>${chain(100).repeat(Math.floor((n - 1) / 100))}${chain((n - 1) % 100)}${tail}</R>`;

  it('at the limit read; one more refused at the child element that makes its parent the one over', () => {
    expect(only(objects(MAX_CONTAINERS)).state).not.toBe('Invalid');
    const over = objects(MAX_CONTAINERS, '<c><d/></c>');
    const doc = only(over);
    expectRefused(doc, 'too-many-containers', over.lastIndexOf('<d/>') + 1);
    expect(doc.diagnostics[0]?.message.en).toContain(`${OVER} by this point, over the limit of ${LIMIT}`);
    expect(doc.diagnostics[0]?.message.en).toContain('in XML: elements holding elements or attributes');
    expect(doc.diagnostics[0]?.message.zh).toContain(`超过上限 ${LIMIT} 个`);
  });

  it.each([
    ['the library (an entity)', '<e>&amp;</e>'],
    ['the library (a comment)', '<!-- c -->'],
  ])('%s: refused at the same place', (_, tail) => {
    const over = objects(MAX_CONTAINERS, `<c><d/></c>${tail}`);
    expectRefused(only(over), 'too-many-containers', over.lastIndexOf('<d/>') + 1);
  });

  it('an element with attributes is one object, counted at its name, whatever it holds', () => {
    // The last object allowed has attributes and a child: read.
    expect(only(objects(MAX_CONTAINERS - 1, '<c x="1"><d/></c>')).state).not.toBe('Invalid');
    // Then one more, empty but with an attribute: refused at its name.
    const over = objects(MAX_CONTAINERS - 1, '<c x="1"><d/></c><e y="1"/>');
    expectRefused(only(over), 'too-many-containers', over.lastIndexOf('<e ') + 1);
  });

  it('leaves, text and repeated names make none', () => {
    // 1,600,000 leaves of one name under R: one object, and one array.
    expect(only(`<R>${'<a>1</a>'.repeat(MAX_CONTAINERS + 100_000)}</R>`).state).not.toBe('Invalid');
  });

  it('the other documents of the input are read', () => {
    const text = `<R><a>1</a></R>\n${objects(MAX_CONTAINERS + 1)}\n<R><b>2</b></R>\n`;
    const docs = parsePayload(text).documents;
    expect(docs.map((d) => d.state === 'Invalid')).toEqual([false, true, false]);
  });
});

describe('distinct names in an XML payload', () => {
  /**
   * `<R>` holding `n` elements `a0`, `a1`, … in the order they appear, in groups of 100 (within the width): `a0`
   * holds `a1`…`a99`, `a100` holds `a101`…, each inner element made by `item`.
   */
  const wide = (n: number, item = (k: number) => `<a${k}>${k}</a${k}>`) => {
    const groups: string[] = [];
    for (let g = 0; g < n; g += 100) {
      const inner = Array.from({ length: Math.min(99, n - g - 1) }, (_, j) => item(g + j + 1));
      groups.push(`<a${g}>${inner.join('')}</a${g}>`);
    }
    return `<R>${groups.join('')}</R>`;
  };

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

describe('attributes in an XML payload', () => {
  /** `n` elements `<a x="1" y="2"/>` (two attributes each, one shape), then `tail`, in `<R>`. */
  const pairs = (n: number, tail = '') => `<R>${'<a x="1" y="2"/>'.repeat(n)}${tail}</R>`;

  it.each([
    ['the fast path', ''],
    ['the library (an entity)', '<b>&amp;</b>'],
    ['the library (a comment)', '<!-- c -->'],
  ])('%s: at the limit read, one more refused at its name', (_, tail) => {
    expect(only(pairs(MAX_ATTRIBUTES / 2, tail)).state).not.toBe('Invalid');
    const over = pairs(MAX_ATTRIBUTES / 2, `<c z="1"/>${tail}`);
    const doc = only(over);
    expectRefused(doc, 'too-many-attributes', over.indexOf('z="1"'));
    expect(doc.diagnostics[0]?.message.en).toContain('10,001 by this point, over the limit of 10,000');
    expect(doc.diagnostics[0]?.message.zh).toContain('超过上限 10,000 个');
  });

  it("is refused at the attribute's own name when an earlier value holds that name", () => {
    // 9,998 attributes, a 9,999th, then `x` (10,000th) whose value holds ` y`, and `y`, the 10,001st.
    const over = `<R>${'<a x="1" y="2"/>'.repeat(MAX_ATTRIBUTES / 2 - 1)}<d w="1"/><c x=" y" y="2"/></R>`;
    expectRefused(only(over), 'too-many-attributes', over.lastIndexOf('y="2"'));
  });

  it('a name over the names limit in an earlier value: refused at the name itself', () => {
    const names = Array.from({ length: MAX_NAMES }, (_, k) => `<a v="x${k + 1}" x${k}="1"/>`).join('');
    const over = `<R>${names}</R>`;
    // R, a, v, then x0…x1996 make 2,000; x1997 is the 2,001st, and its spelling first appears in the value before.
    expectRefused(only(over), 'too-many-names', over.indexOf(' x1997=') + 1);
  });

  it('the other documents of the input are read', () => {
    const text = `<R><a>1</a></R>\n${pairs(MAX_ATTRIBUTES)}\n<R><b>2</b></R>\n`;
    const docs = parsePayload(text).documents;
    expect(docs.map((d) => d.state === 'Invalid')).toEqual([false, true, false]);
  });
});

describe('object shapes', () => {
  /**
   * Objects `{"a<i>":0,"b":0}` for i < `pairs`, then `{"b":0}` and `more`, in `{"r":[…]}`: `r`, then two shapes per
   * pair and one for `{"b":0}`. `pad` goes into each value (a text over 64 KiB takes the one-pass path).
   */
  const json = (pairs: number, more = '', pad = '0') =>
    `{"r":[${Array.from({ length: pairs }, (_, i) => `{"a${i}":${pad},"b":${pad}}`).join(',')},{"b":${pad}}${more}]}`;
  const atLimit = (MAX_SHAPES - 2) / 2;

  it.each([
    ['a small text (JSON.parse, then its tree counted)', '0'],
    ['a text over 64 KiB (counted in the one pass before JSON.parse)', `"${'v'.repeat(40)}"`],
    ['a text with a lossy number (the tolerant parser counts)', '1.50'],
  ])('JSON, %s: at the limit read, one more refused at the key that makes it', (_, pad) => {
    expect(Number.isInteger(atLimit)).toBe(true);
    expect(only(json(atLimit, '', pad)).state).not.toBe('Invalid');
    const over = json(atLimit, `,{"c":${pad}}`, pad);
    const doc = only(over);
    expectRefused(doc, 'too-many-shapes', over.indexOf('"c"'));
    expect(doc.diagnostics[0]?.message.en).toContain(
      `2,601 distinct object shapes by this point, adding "c", over the limit of 2,600`,
    );
    expect(doc.diagnostics[0]?.message.zh).toContain(
      '到此处已有 2,601 种不同的对象结构（加入"c"时），超过上限 2,600 种',
    );
  });

  it('JSON: a key an object has already makes no shape, and nor does an order seen before', () => {
    const repeated = `{"r":[${Array.from({ length: 5000 }, () => '{"a":1,"a":2,"b":3}').join(',')}]}`;
    expect(only(repeated).state).not.toBe('Invalid');
    // Two orders of the same keys are two shapes each: `a,b` and `b,a` make a, a+b, b, b+a.
    const orders = `{"r":[${Array.from({ length: atLimit }, (_, i) => `{"a${i}":0,"b":0}`).join(',')}]}`;
    expect(only(orders).state).not.toBe('Invalid');
  });

  /** `<R><o><a<i>>1</a<i>><b>1</b></o>…more</R>`: R (in the roots' object), o, then two shapes per pair. */
  const xml = (pairs: number, more = '', text = '1') =>
    `<R>${Array.from({ length: pairs }, (_, i) => `<o><a${i}>${text}</a${i}><b>${text}</b></o>`).join('')}${more}</R>`;
  const xmlAtLimit = (MAX_SHAPES - 2) / 2;

  it.each([
    ['the fast path', '1'],
    ['the library (an entity)', '1&amp;'],
  ])('XML, %s: at the limit read, one more refused at the element that makes it', (_, text) => {
    expect(Number.isInteger(xmlAtLimit)).toBe(true);
    expect(only(xml(xmlAtLimit, '', text)).state).not.toBe('Invalid');
    const over = xml(xmlAtLimit, `<o><c>${text}</c></o>`, text);
    expectRefused(only(over), 'too-many-shapes', over.indexOf('<c>') + 1);
  });

  it('XML attributes and text make shapes when the element closes, the same on both paths', () => {
    // R, o, #text; then each `<o a<i>="1" b="1">t</o>` makes #text+@_a<i> and #text+@_a<i>+@_b: the last one's @_b
    // is the 2,601st.
    const pairs = (MAX_SHAPES - 2) / 2;
    const over = `<R>${Array.from({ length: pairs }, (_, i) => `<o a${i}="1" b="1">t</o>`).join('')}</R>`;
    for (const text of [over, over.replace('>t<', '>t&amp;<')]) {
      const doc = only(text);
      expectRefused(doc, 'too-many-shapes', text.lastIndexOf('</o>'));
      expect(doc.diagnostics[0]?.message.en).toContain('adding "@_b"');
    }
    // One pair fewer is read.
    expect(only(over.slice(0, over.lastIndexOf('<o ')) + '</R>').state).not.toBe('Invalid');
  });
});

describe('keys in one object', () => {
  const object = (n: number, value = (k: number) => String(k), extra = '') =>
    `{${Array.from({ length: n }, (_, k) => `"k${k}":${value(k)}`).join(',')}${extra}}`;

  it.each([
    ['a small text (JSON.parse, then its tree counted)', (k: number) => String(k)],
    [
      'a text over 64 KiB (counted in the one pass before JSON.parse)',
      (k: number) => `"${'v'.repeat(600)}${k}"`,
    ],
    [
      'a text with a lossy number (the tolerant parser counts)',
      (k: number) => (k === 0 ? '1.50' : String(k)),
    ],
  ])('JSON, %s: at the limit read, one more refused at its key', (_, value) => {
    expect(only(object(MAX_WIDTH, value)).state).not.toBe('Invalid');
    const over = object(MAX_WIDTH + 1, value);
    const doc = only(over);
    expectRefused(doc, 'object-too-wide', over.indexOf(`"k${MAX_WIDTH}"`));
    expect(doc.diagnostics[0]?.message.en).toContain(
      '128 keys in one object, adding "k127", over the limit of 127',
    );
    expect(doc.diagnostics[0]?.message.zh).toContain(
      '一个对象中已有 128 个键（加入"k127"时），超过上限 127 个',
    );
  });

  it('JSON: a nested object, and a callback of a top-level array, are counted on their own', () => {
    const nested = `{"a":1,"b":${object(MAX_WIDTH + 1)}}`;
    expectRefused(only(nested), 'object-too-wide', nested.indexOf(`"k${MAX_WIDTH}"`));
    const text = `[{"a":1},${object(MAX_WIDTH + 1)},${object(MAX_WIDTH)}]`;
    expect(parsePayload(text).documents.map((d) => d.diagnostics[0]?.code)).toEqual([
      undefined,
      'object-too-wide',
      undefined,
    ]);
  });

  it('JSON: a repeated key counts once', () => {
    expect(only(`{${Array.from({ length: 1000 }, (_, k) => `"k${k % 10}":${k}`).join(',')}}`).state).not.toBe(
      'Invalid',
    );
  });

  const element = (n: number, text = '') =>
    `<R>${Array.from({ length: n }, (_, k) => `<a${k}>${k}${text}</a${k}>`).join('')}</R>`;

  it.each([
    ['the fast path', ''],
    ['the library (an entity)', '&amp;'],
  ])('XML, %s: children of 127 names read, one more refused at its name', (_, text) => {
    expect(only(element(MAX_WIDTH, text)).state).not.toBe('Invalid');
    const over = element(MAX_WIDTH + 1, text);
    expectRefused(only(over), 'object-too-wide', over.indexOf(`<a${MAX_WIDTH}>`) + 1);
    // A repeated child counts once.
    expect(only(`<R>${'<a>1</a>'.repeat(1000)}</R>`).state).not.toBe('Invalid');
  });

  it("XML: an element's text and attributes count, on both paths", () => {
    const attributes = (n: number) => Array.from({ length: n }, (_, k) => ` x${k}="1"`).join('');
    for (const amp of ['', '&amp;']) {
      expect(only(`<R><a${attributes(MAX_WIDTH - 1)}>t${amp}</a></R>`).state).not.toBe('Invalid');
      const over = `<R><a${attributes(MAX_WIDTH)}>t${amp}</a></R>`;
      const doc = only(over);
      expectRefused(doc, 'object-too-wide', over.indexOf('</a>'));
      expect(doc.diagnostics[0]?.message.en).toContain(`adding "@_x${MAX_WIDTH - 1}"`);
    }
  });
});

// The fast path counts only keys and widths until the text could be over the shapes or width limit, then counts
// the text before that point exactly and goes on exactly (`countXml`): wherever the switch and the crossing fall,
// it must refuse where the library's path does, with the same diagnostic, and read what that path reads.
describe('the XML fast path counts as the library path does, before and after it counts exactly', () => {
  const at = (offset: number) => ({ line: 1, column: offset + 1, offset });
  const both = (text: string) => {
    const fast = parseXml(text, [], at);
    const library = parseXml(text, [], at, { fastPath: false });
    // The library builds its tree in its own key order; the outcome and any refusal must be the same.
    if (fast.ok || library.ok) expect([fast.ok, library.ok]).toEqual([true, true]);
    else expect(fast.error).toStrictEqual(library.error);
    expect(readPlainXml(text, isRepeatingIn)).not.toBeUndefined();
    return fast;
  };

  it('a crossing long after the switch (3,000 objects of one shape first, then distinct pairs)', () => {
    const same = '<o><a>1</a><b>1</b></o>'.repeat(3000);
    const pairs = (n: number) =>
      Array.from({ length: n }, (_, i) => `<p><x${i}>1</x${i}><b>1</b></p>`).join('');
    // R, o, a, a+b, p, then two per pair: 2,600 at 1,297 pairs and p's first.
    expect(both(`<R>${same}${pairs(1297)}</R>`).ok).toBe(true);
    const over = both(`<R>${same}${pairs(1298)}</R>`);
    expect(over).toMatchObject({ ok: false, error: { code: 'too-many-shapes' } });
  });

  it('attributes counted before the switch go on counting after it', () => {
    const attributes = (n: number) => '<a x="1" y="2"/>'.repeat(n);
    const pairs = Array.from({ length: 1200 }, (_, i) => `<p><x${i}>1</x${i}><b>1</b></p>`).join('');
    // 4,000 attributes, then pairs past the keys the fast path bounds (it counts exactly from there), then 3,000.
    const read = both(`<R>${attributes(2000)}${pairs}${attributes(3000)}</R>`);
    expect(read.ok).toBe(true);
    const over = both(`<R>${attributes(2000)}${pairs}${attributes(3000)}<c z="1"/></R>`);
    expect(over).toMatchObject({ ok: false, error: { code: 'too-many-attributes' } });
  });

  it('objects counted before the switch go on counting after it', () => {
    const chain = (depth: number) => `${'<a>'.repeat(depth)}<b/>${'</a>'.repeat(depth)}`;
    const pairs = Array.from({ length: 1200 }, (_, i) => `<p><x${i}>1</x${i}><b>1</b></p>`).join('');
    // R, a third of the limit in chains of 100 objects, the pairs (1,200 objects, past the keys the fast path
    // bounds: it counts exactly from there), then chains up to the limit.
    const before = Math.floor(MAX_CONTAINERS / 300);
    const after = MAX_CONTAINERS - 1 - before * 100 - 1200;
    const body = `${chain(100).repeat(before)}${pairs}${chain(100).repeat(Math.floor(after / 100))}${chain(after % 100)}`;
    // Read by the fast path (the library would take seconds to build it).
    expect(parseXml(`<R>${body}</R>`, [], at).ok).toBe(true);
    const over = both(`<R>${body}<c><d/></c></R>`);
    expect(over).toMatchObject({ ok: false, error: { code: 'too-many-containers' } });
  });

  it('on generated elements: the same outcome on both paths (300 inputs)', () => {
    const element = fc.record({
      // A few children (shapes that repeat), or up to 127 distinct ones of many names (new shapes), or rarely more
      // (past the width).
      children: fc.oneof(
        { weight: 5, arbitrary: fc.array(fc.nat({ max: 4 }), { maxLength: 4 }) },
        { weight: 5, arbitrary: fc.uniqueArray(fc.nat({ max: 1500 }), { minLength: 60, maxLength: 127 }) },
        { weight: 1, arbitrary: fc.uniqueArray(fc.nat({ max: 140 }), { minLength: 120, maxLength: 135 }) },
      ),
      attributes: fc.array(fc.nat({ max: 140 }), { maxLength: 3 }),
      text: fc.boolean(),
    });
    const xml = fc.array(element, { minLength: 1, maxLength: 100, size: 'max' }).map(
      (elements) =>
        `<R>${elements
          .map(({ children, attributes, text }) => {
            const attrs = [...new Set(attributes)].map((a) => ` a${a}="1"`).join('');
            const inner =
              children.length > 0 ? children.map((c) => `<c${c}>1</c${c}>`).join('') : text ? 't' : '';
            return `<e${elements.length % 7}${attrs}>${inner}</e${elements.length % 7}>`;
          })
          .join('')}</R>`,
    );
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(xml, (text) => {
        const outcome = both(text);
        outcomes.add(outcome.ok ? 'read' : outcome.error.code);
      }),
      // Shrinking inputs this large takes minutes: the first failing input is reported as it is.
      { numRuns: 300, seed: 20261201, endOnFailure: true },
    );
    // The inputs reach every outcome, so the comparison is made on each.
    expect([...outcomes].sort()).toEqual(['object-too-wide', 'read', 'too-many-shapes']);
  });
});
