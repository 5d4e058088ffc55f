// @vitest-environment node
/**
 * The lone-XML shortcut (one plain element, white space around it, read by the fast path without the splitter's
 * pass) gives the same documents as the general path: on every XML fixture, the fuzz shapes, generated element
 * trees, mutated fixtures and the inputs where it must step aside (several roots, a prolog, a byte order mark, stray
 * text, nesting past the limit). Whether it was taken is checked too, so a shortcut that never fires cannot pass.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHAPES } from '../../bench/fuzz-shapes';
import { parsePayload, type ParseOptions } from './parse-payload';
import { readLoneXml } from './parse/parse-xml';
import { FastRefusal } from './parse/xml-fast-path';
import { fixtureNames, readFixture } from './test-support/fixtures';

function expectSamePaths(text: string, options: ParseOptions = {}): void {
  expect(parsePayload(text, options)).toEqual(parsePayload(text, { ...options, splitAlways: true }));
}

/** What the shortcut makes of `text` (what `lonePayload` gives the fast path: the text without white space around). */
const lone = (text: string) => readLoneXml(text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, ''));
/** Whether the shortcut reads `text` to a tree. */
const taken = (text: string) => {
  const read = lone(text);
  return read !== undefined && !(read instanceof FastRefusal);
};

const nest = (depth: number) => `${'<a>'.repeat(depth)}1${'</a>'.repeat(depth)}`;

/** Inputs the shortcut must leave to the splitter, and both paths agree on. */
const STEP_ASIDE: readonly (readonly [name: string, text: string])[] = [
  ['two roots', '<JobsDetail><Code>1</Code></JobsDetail><JobsDetail><Code>2</Code></JobsDetail>'],
  ['two roots on two lines', '<R><a>1</a></R>\n<R><a>2</a></R>'],
  ['a prolog', '<?xml version="1.0"?><R><a>1</a></R>'],
  ['a byte order mark', '\ufeff<R><a>1</a></R>'],
  ['stray text after the root', '<R><a>1</a></R> x>'],
  ['nesting past the limit', `<R>${nest(256)}</R>`],
  ['an entity not predefined', '<R><a>1&nbsp;2</a></R>'],
  ['a self-closing root', '<R/>'],
  ['a comment', '<R><!-- x --><a>1</a></R>'],
  ['a carriage return', '<R>\r\n<a>1</a></R>'],
  ['a vertical tab before it', '\u000b<R><a>1</a></R>'],
];

/** Inputs the shortcut takes. */
const TAKEN: readonly (readonly [name: string, text: string])[] = [
  ['one element', '<R><a>1</a></R>'],
  ['white space around', '\r\n \t<R>\n  <a>1</a>\n</R>\r\n\n'],
  ['attributes and a self-closing child', '<R id="1"><a x=\'y\' /><b>2</b><b>3</b></R>'],
  ['nesting at the limit', `<R>${nest(255)}</R>`],
  ['a forced array', '<Response><JobsDetail><Code>Success</Code></JobsDetail></Response>'],
  ['the predefined entities', '<R><a x="&quot;">1&amp;2</a><b>&lt;</b></R>'],
];

describe('the lone-XML shortcut', () => {
  const xml = fixtureNames().filter((n) => n.endsWith('.xml'));

  it.each(xml)('gives the general path’s documents for %s', (name) => {
    expectSamePaths(readFixture(name));
  });

  it('is taken by most plain XML fixtures', () => {
    const read = xml.filter((n) => taken(readFixture(n)));
    expect(read.length).toBeGreaterThan(xml.length / 3);
  });

  it.each(STEP_ASIDE)('steps aside for %s, and both paths agree', (_, text) => {
    expect(taken(text)).toBe(false);
    expectSamePaths(text);
  });

  it.each([
    ['a mismatched closing tag', '<R><a>1</a></S>'],
    ['a mismatched closing tag, white space around', '\n <R>\n<a>1</b>\n</R>\n'],
    ['a mismatched closing tag, tags that do not pair up after it', '<R><a>1</b></R><c>\n'],
  ])('refuses %s where it reads it, and both paths agree', (_, text) => {
    expect(lone(text)).toBeInstanceOf(FastRefusal);
    expectSamePaths(text);
    const [doc, ...more] = parsePayload(text).documents;
    expect(more).toEqual([]);
    expect(doc?.diagnostics[0]?.code).toBe('xml-mismatched-tag');
  });

  it.each(TAKEN)('is taken for %s, and both paths agree', (_, text) => {
    expect(taken(text)).toBe(true);
    expectSamePaths(text);
  });

  it.each(SHAPES.filter((s) => s.name.startsWith('xml:')).map((s) => [s.name, s] as const))(
    'gives the general path’s documents for the fuzz shape %s (64 KiB)',
    (_, shape) => {
      expectSamePaths(shape.make(64 * 1024));
    },
  );

  it('gives the general path’s documents on mutated XML fixtures and generated trees (1,500 inputs)', () => {
    const texts = xml.map(readFixture);
    const mutation = fc.oneof(
      fc.constantFrom(
        '<',
        '>',
        '/',
        '</a>',
        '<a>',
        '<a/>',
        ' ',
        '\n',
        '\r',
        '&',
        '"',
        "'",
        ' x="1"',
        '<R>',
        '',
      ),
      fc.string({ maxLength: 4 }),
    );
    const mutated = fc
      .tuple(fc.constantFrom(...texts), fc.nat(), fc.nat({ max: 3 }), mutation)
      .map(([t, i, cut, s]) => {
        const at = i % (t.length + 1);
        return t.slice(0, at) + s + t.slice(at + cut);
      });
    type Node = string | { name: string; children: Node[]; attribute: string };
    const { element } = fc.letrec<{ node: Node; element: Node }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom('1', ' x ', '', '\n', 'a&amp;b', '&lt;'),
        tie('element'),
      ),
      element: fc.record({
        name: fc.constantFrom('Response', 'JobsDetail', 'Code', 'A', 'b-c'),
        children: fc.array(tie('node'), { maxLength: 4 }),
        attribute: fc.constantFrom('', '', ' id="1"', " x='a b'"),
      }),
    }));
    const render = (n: Node): string =>
      typeof n === 'string' ? n : `<${n.name}${n.attribute}>${n.children.map(render).join('')}</${n.name}>`;
    const generated = fc
      .tuple(fc.array(element, { minLength: 1, maxLength: 2 }), fc.constantFrom('', ' ', '\n', '\r\n'))
      .map(([roots, gap]) => gap + roots.map(render).join(gap) + gap);
    let read = 0;
    fc.assert(
      fc.property(fc.oneof(mutated, generated), (text) => {
        if (taken(text)) read++;
        expectSamePaths(text);
      }),
      { numRuns: 1500, seed: 20261201 },
    );
    // Not vacuous: many of them were read by the shortcut.
    expect(read).toBeGreaterThan(150);
  });
});
